using InnerAlly.Language;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// The risk check every free text passes after it is saved (../shared/domain/SAFETY.md): the
/// words are already stored exactly as written; this only decides whether to offer support.
/// If the engine itself fails, saving has still happened and the failure is logged without the text.
/// </summary>
public sealed partial class RiskCheck(ILogger<RiskCheck> logger)
{
    /// <summary>The risk read in the text written in <paramref name="setting"/> (a notice or the gentle line), or null when there is none or no text.</summary>
    public RiskFinding? Check(string? text, TextSetting setting, CancellationToken cancellationToken = default) =>
        Analyze(text, setting, cancellationToken)?.Risk is { } risk && (risk.Found || risk.Gentle) ? risk : null;

    public TextAnalysis? Analyze(string? text, CancellationToken cancellationToken = default) =>
        Analyze(text, TextSetting.Journal, cancellationToken);

    /// <summary>
    /// Everything the engine notices in the text (risk among it, read for its setting), or null when
    /// there is no text or the engine failed; a failure is logged by type only and never reaches the person.
    /// </summary>
    public TextAnalysis? Analyze(string? text, TextSetting setting, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return SharedEngine.Instance.Analyze(text, setting, cancellationToken);
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
