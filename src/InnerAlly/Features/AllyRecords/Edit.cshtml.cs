using InnerAlly.Features.Analysis;
using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.AllyRecords;

/// <summary>
/// A critic-to-ally record, step by step (/ally-records/new, /ally-records/{id}/edit). Without
/// script every step is on one page; steps.js shows one at a time. Every step can be skipped, and
/// the record can be saved from any step.
/// </summary>
public sealed class EditModel(AppDbContext db, EmotionCatalog emotions, TimeProvider clock, ILogger<EditModel> logger, WritingFollowUp followUp, RiskCheck engine) : WritingPageModel(db)
{
    [BindProperty]
    public SaveAllyRecord.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public string Draft => DraftKey("ally-record", Id);

    /// <summary>True when nothing at all was written, so the page says so once rather than beside every step.</summary>
    public bool NothingWritten => ModelState.Values.Any(v => v.Errors.Any(e => e.ErrorMessage == SaveAllyRecord.NothingWritten));

    /// <summary>A field's message, leaving out "write something somewhere", which the page says once.</summary>
    public string? FieldError(string key) => ErrorFor(key) is { } error && error != SaveAllyRecord.NothingWritten ? error : null;

    public bool IsChecked(string emotion) => Input.Feelings?.Emotions?.Contains(emotion) == true;

    /// <param name="fromJournal">A journal entry whose self-critical sentences become the critic's words.</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? fromJournal, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await Db.AllyRecords.FindOwnedAsync(existing, UserId, cancellationToken) is not { } record)
            {
                return NotFound();
            }

            Input = SaveAllyRecord.Request.From(record);
        }
        else if (fromJournal is { } entryId && await Db.JournalEntries.FindOwnedAsync(entryId, UserId, cancellationToken) is { } entry)
        {
            var sentences = (await engine.ReadIfBudgetAllowsAsync(entry.Text, User, cancellationToken))?.SelfCriticism.Sentences ?? [];
            Input.CriticWords = sentences.Count > 0 ? string.Join(' ', sentences.Select(s => s.Text)) : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAllyRecord.HandleAsync(id, Input, UserId, Db, emotions, clock, logger, cancellationToken) is { } record
            ? await AfterSavingAsync(SaveAllyRecord.Words(record), Draft, $"/ally-records/{record.Id}", followUp, cancellationToken)
            : NotFound();
    }

    /// <summary>What the form shows in a text field: what was just sent, or what is saved.</summary>
    public string? TextOf(string field) => field switch
    {
        "situation" => Input.Situation,
        "criticWords" => Input.CriticWords,
        "feelingsBody" => Input.Feelings?.Body,
        "criticFear" => Input.CriticFear,
        "allyWisdom" => Input.AllyWisdom,
        "allyStrength" => Input.AllyStrength,
        "allyWarmth" => Input.AllyWarmth,
        "action" => Input.Action,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public int? RatingOf(string field) => field switch
    {
        "harshnessBefore" => Input.HarshnessBefore,
        "harshnessAfter" => Input.HarshnessAfter,
        "beliefBefore" => Input.BeliefBefore,
        "beliefAfter" => Input.BeliefAfter,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
