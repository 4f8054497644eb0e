namespace InnerAlly.Features.Safety;

/// <summary>
/// What to show someone when what they wrote or answered suggests they may be at risk: a calm
/// message about what was noticed, the lines for their country, the emergency number, and one tap
/// to their own safety plan. Made by <see cref="SafetySupport.NoticeFor"/>, rendered by
/// Features/Safety/_SupportNotice.cshtml, and serialisable as it is for the API.
/// </summary>
/// <param name="Triggered">False means there is nothing to show (<see cref="None"/>).</param>
/// <param name="Category">"self", "from_others" or "to_others" (see <see cref="SafetySupport"/>), as given; null for the gentle line.</param>
/// <param name="Message">Plain words about what was noticed, from Content/Safety/support-messages.json; paragraphs are separated by a blank line.</param>
/// <param name="Resources">The lines to offer first, and the worldwide fallback; null for the gentle line, which links to them.</param>
/// <param name="SafetyPlanUrl">The person's own safety plan (sign-in needed).</param>
/// <param name="HelpUrl">"Need help now?": every line, open to anyone, even when the database is down.</param>
/// <param name="Level">"notice" (the full notice) or "gentle" (one short line with the help link, for an unsure reading); null when nothing is shown.</param>
public sealed record SafetyNotice(bool Triggered, string? Category, string? Message, SupportResources? Resources, string SafetyPlanUrl, string HelpUrl, string? Level)
{
    public const string SafetyPlanPath = "/safety-plan";
    public const string HelpPath = "/help";

    public const string NoticeLevel = "notice";
    public const string GentleLevel = "gentle";

    /// <summary>Nothing was noticed: the partial renders nothing.</summary>
    public static SafetyNotice None { get; } = new(false, null, null, null, SafetyPlanPath, HelpPath, null);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGentle => Triggered && Level == GentleLevel;
}
