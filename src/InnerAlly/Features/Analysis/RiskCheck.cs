using InnerAlly.Language;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// The one way the product reads a person's words with the language engine. The risk check every
/// free text passes after it is saved (../shared/domain/SAFETY.md) always runs: the words are
/// already stored exactly as written; this only decides whether to offer support. Other readings
/// (what the engine noticed, on a page or beside a save) run while the person's budget allows
/// (<see cref="LanguageBudget"/>). If the engine itself fails, saving has still happened and the
/// failure is logged without the text.
/// </summary>
public sealed partial class RiskCheck(LanguageBudget budget, ILogger<RiskCheck> logger)
{
    /// <summary>Beyond this, a text's self-criticism and traps are read from its beginning only; its risk is always read in full.</summary>
    public const int AnalysisMaxLength = 5_000;

    /// <summary>The risk read in the text written in <paramref name="setting"/> (a notice or the gentle line), or null when there is none or no text.</summary>
    public async Task<RiskFinding?> CheckAsync(string? text, TextSetting setting, ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        (await ReadForSafetyAsync(text, setting, person, cancellationToken))?.Risk is { } risk && (risk.Found || risk.Gentle) ? risk : null;

    /// <summary>
    /// Everything the engine notices in the whole text (risk among it, read for its setting), or null
    /// when there is no text or the engine failed (logged by type only, never shown to the person).
    /// Never refused for budget.
    /// </summary>
    public async Task<TextAnalysis?> ReadForSafetyAsync(string? text, TextSetting setting, ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = KeyOf(person);
        budget.Spend(key, text);
        return await RunAsync(key, text, setting, cancellationToken);
    }

    /// <summary>
    /// What the engine notices in the first <see cref="AnalysisMaxLength"/> characters, when the
    /// person's budget allows; null otherwise (the page or answer then simply shows no marks).
    /// </summary>
    public async Task<TextAnalysis?> ReadIfBudgetAllowsAsync(string? text, ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = KeyOf(person);
        text = Beginning(text);
        return budget.TrySpend(key, text, out _) ? await RunAsync(key, text, TextSetting.Journal, cancellationToken) : null;
    }

    /// <summary>The text up to the last sentence end within <see cref="AnalysisMaxLength"/> characters, or exactly that many when none ends there.</summary>
    public static string Beginning(string text)
    {
        if (text.Length <= AnalysisMaxLength)
        {
            return text;
        }

        var end = text.AsSpan(0, AnalysisMaxLength).LastIndexOfAny(".!?\n");
        return text[..(end > 0 ? end + 1 : AnalysisMaxLength)];
    }

    private static string KeyOf(ClaimsPrincipal person) => person.Identity?.IsAuthenticated == true ? "user:" + person.GetUserId() : "anonymous";

    private async Task<TextAnalysis?> RunAsync(string person, string text, TextSetting setting, CancellationToken cancellationToken)
    {
        try
        {
            return await budget.RunAsync(person, () => SharedEngine.Instance.Analyze(text, setting, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CheckFailed(logger, e.GetType().FullName);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "The risk check could not run ({ExceptionType}); the text was saved and no support message was shown.")]
        public static partial void CheckFailed(ILogger logger, string? exceptionType);
    }
}

/// <summary>Loads the language engine in the background once the app has started, so the first person to save a note does not wait for it.</summary>
public sealed class LanguageEngineWarmUp(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => SharedEngine.Instance));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
