using InnerAlly.Language;

namespace InnerAlly.Features.CareTeam;

/// <summary>Where a support notice appeared, as the therapist reads it: "after a journal entry".</summary>
public static class SafetyNoticeFeatures
{
    public const string Questionnaire = "questionnaire";

    public const string Message = "message";

    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["journal"] = "a journal entry",
        ["check-in"] = "a check-in note",
        ["practice"] = "a practice note",
        ["lesson-reflection"] = "a lesson reflection",
        ["ally-record"] = "a critic-to-ally record",
        ["letter"] = "a letter",
        ["ally-card"] = "an ally card",
        [Questionnaire] = "a questionnaire",
        [Message] = "a message to you",
    };

    public static string KeyOf(TextSetting setting) => setting switch
    {
        TextSetting.CheckInNote => "check-in",
        TextSetting.PracticeNote => "practice",
        TextSetting.LessonReflection => "lesson-reflection",
        TextSetting.RecordField => "ally-record",
        TextSetting.LetterPart => "letter",
        TextSetting.Card => "ally-card",
        TextSetting.QuestionnaireText => Questionnaire,
        _ => "journal",
    };

    public static string NameOf(string key) => Names.GetValueOrDefault(key, "something they wrote");
}

/// <summary>
/// Called when the full support notice is shown to someone: keeps that it appeared, where and when,
/// if and only if they share safety notices with an active therapist now. It runs after the save
/// and after the notice is decided, and never stops the notice from showing.
/// </summary>
public static partial class RecordSafetyNotice
{
    public static async Task HandleAsync(Guid userId, string feature, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var shared = await db.SharingChoices.AsNoTracking()
                .Where(s => s.Category == SharingCategories.SafetyNotices)
                .Join(db.CareRelationships, s => s.RelationshipId, r => r.Id, (s, r) => r)
                .Where(r => r.UserId == userId && r.EndedAt == null)
                .Join(db.StaffMembers, r => r.TherapistId, m => (Guid?)m.Id, (r, m) => m)
                .AnyAsync(m => m.IsTherapist && m.DeactivatedAt == null, cancellationToken);
            if (!shared)
            {
                return;
            }

            db.SafetyNoticeRecords.Add(SafetyNoticeRecord.Noted(userId, feature, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            // The notice itself still shows; only the therapist's line about it is missing.
            Log.NotKept(logger, feature, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4710, Level = LogLevel.Warning, Message = "A support notice after {Feature} could not be kept for the care team")]
        public static partial void NotKept(ILogger logger, string feature, Exception exception);
    }
}
