using System.Threading.RateLimiting;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// The language engine's share of the server, per person. Every reading counts against one budget
/// a minute (RateLimits:AnalysisPerMinute), whether it comes from POST /api/v1/analysis, a save or a
/// page that shows what the engine noticed: one unit for each started 1,000 characters, so a long
/// text costs what it weighs. And readings wait their turn: one at a time for each person, and no
/// more at once than the server has cores, so one account sending many long texts together uses
/// one of those places while everyone else keeps the rest.
/// </summary>
public sealed class LanguageBudget : IDisposable
{
    public const int CharactersPerUnit = 1_000;

    private readonly PartitionedRateLimiter<string> _budget;
    private readonly int _unitsPerMinute;
    private readonly SemaphoreSlim _places = new(Math.Max(2, Environment.ProcessorCount));
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    public LanguageBudget(IOptions<RateLimitOptions> options)
    {
        _unitsPerMinute = options.Value.AnalysisPerMinute;
        _budget = PartitionedRateLimiter.Create<string, string>(person => RateLimitPartition.GetFixedWindowLimiter(person, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _unitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public static int UnitsFor(string text) => Math.Max(1, (text.Length + CharactersPerUnit - 1) / CharactersPerUnit);

    /// <summary>Spends the text's units when the person has them; otherwise says how long until they do.</summary>
    public bool TrySpend(string person, string text, out TimeSpan retryAfter)
    {
        using var lease = _budget.AttemptAcquire(person, Math.Min(UnitsFor(text), _unitsPerMinute));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <summary>
    /// The risk check is never rationed (SAFETY.md: notice everywhere): it runs whatever is left,
    /// and uses up what there is, so the person's other readings wait for the next minute.
    /// </summary>
    public void Spend(string person, string text)
    {
        for (var units = Math.Min(UnitsFor(text), _unitsPerMinute); units > 0; units--)
        {
            using var lease = _budget.AttemptAcquire(person, units);
            if (lease.IsAcquired)
            {
                return;
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> when it is this person's turn and a place is free; waiting holds no thread.</summary>
    public async Task<T> RunAsync<T>(string person, Func<T> read, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(person, out turn!))
            {
                _turns[person] = turn = new Turn();
            }

            turn.Waiting++;
        }

        try
        {
            await turn.Gate.WaitAsync(cancellationToken);
            try
            {
                await _places.WaitAsync(cancellationToken);
                try
                {
                    return read();
                }
                finally
                {
                    _places.Release();
                }
            }
            finally
            {
                turn.Gate.Release();
            }
        }
        finally
        {
            lock (_turns)
            {
                if (--turn.Waiting == 0)
                {
                    _turns.Remove(person);
                    turn.Gate.Dispose();
                }
            }
        }
    }

    public void Dispose()
    {
        _budget.Dispose();
        _places.Dispose();
    }

    private sealed class Turn
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Waiting { get; set; }
    }
}
