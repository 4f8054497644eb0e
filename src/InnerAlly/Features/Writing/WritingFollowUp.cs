using InnerAlly.Features.Analysis;
using InnerAlly.Language;

namespace InnerAlly.Features.Writing;

/// <summary>
/// What the language engine noticed in something a person just saved, as the API returns it: the
/// self-critical sentences, the thinking traps and the CFT prompts. Positions count characters in
/// the text that was read. Risk is not repeated here; it is the response's <c>safety</c>.
/// </summary>
public sealed record WritingAnalysis(
    LanguageSupport Language,
    SelfCriticismFinding SelfCriticism,
    IReadOnlyList<ThinkingTrapFinding> ThinkingTraps,
    IReadOnlyList<CriticPrompt> Prompts)
{
    public static WritingAnalysis From(TextAnalysis analysis) =>
        new(analysis.Language, analysis.SelfCriticism, analysis.ThinkingTraps, analysis.Prompts);
}

/// <summary>What the engine reads after a save.</summary>
/// <param name="Read">The text to analyse (the critic's words, a letter's parts, an entry).</param>
/// <param name="Everything">Every text saved, for the risk check; when it is the same as <paramref name="Read"/> the engine runs once.</param>
/// <param name="Setting">Where the words were written (a journal entry, a record's steps, a letter's parts, a card), which the risk check reads them for.</param>
public sealed record SavedWords(string? Read, string? Everything, TextSetting Setting);

/// <summary>What an API answer adds after a save: what the engine noticed, and the risk check's outcome.</summary>
/// <param name="Analysis">Null when there was nothing to read or the engine could not run.</param>
/// <param name="Safety">Null when there was no text to check (SafetyFollowUp's rule).</param>
public sealed record AfterSaving(WritingAnalysis? Analysis, SafetyNotice? Safety);

/// <summary>
/// Every journal entry, critic-to-ally record, letter and ally card is saved first, exactly as
/// written, and only then read (SAFETY.md): the risk check runs on everything written, and the
/// analysis on the words the person is answering. The engine failing never undoes a save.
/// </summary>
public sealed class WritingFollowUp(RiskCheck engine, SafetyFollowUp safety)
{
    public async Task<AfterSaving> AfterSavingAsync(SavedWords words, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var (read, everything, setting) = words;
        if (!WritingLimits.HasText(everything))
        {
            var alone = await engine.ReadIfBudgetAllowsAsync(read, http.User, cancellationToken);
            return new(alone is null ? null : WritingAnalysis.From(alone), null);
        }

        // Everything written is read in full for risk, whatever the budget; when that is also the
        // text being answered, the same reading gives the rest. Otherwise the answered text is read
        // on its own, within the person's budget and from its beginning (RiskCheck.AnalysisMaxLength).
        var whole = await engine.ReadForSafetyAsync(everything, setting, http.User, cancellationToken);
        var analysis = read == everything ? whole : await engine.ReadIfBudgetAllowsAsync(read, http.User, cancellationToken);
        var notice = await safety.ResponseForAsync(whole?.Risk, setting, http, db, cancellationToken);
        return new(analysis is null ? null : WritingAnalysis.From(analysis), notice);
    }

    /// <summary>For pages: the same checks, and what they bring carried to the next page (Post/Redirect/Get).</summary>
    public async Task<AfterSaving> AfterSavingAsync(
        SavedWords words, Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var after = await AfterSavingAsync(words, http, db, cancellationToken);
        SafetyFollowUp.Carry(after.Safety, tempData);
        return after;
    }

    /// <summary>Texts joined as paragraphs, blank ones left out; null when there are none.</summary>
    public static string? Join(IEnumerable<string?> texts) =>
        WritingLimits.Clean(string.Join("\n\n", texts.Where(WritingLimits.HasText)));
}
