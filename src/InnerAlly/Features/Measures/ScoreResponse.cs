namespace InnerAlly.Features.Measures;

/// <summary>
/// The one scoring engine: checks a response's answers against its instrument's definition,
/// scores it (reversed items, sums or means, multipliers, bands, cut-off), and compares two
/// scores for reliable and clinically significant change. Pure: no clock, no database.
/// </summary>
public static class ScoreResponse
{
    public const string Improvement = "improvement";
    public const string Deterioration = "deterioration";
    public const string NoChange = "none";

    /// <summary>One score read against its scale.</summary>
    /// <param name="InClinicalRange">Null when the scale has no cut-off.</param>
    public sealed record ScaleScore(decimal Value, Band? Band, bool? InClinicalRange);

    public sealed record SubscaleScore(Subscale Subscale, ScaleScore Score);

    /// <param name="MissingItems">Scored items left unanswered, within what the instrument allows; non-empty means the scores are prorated.</param>
    public sealed record Scores(ScaleScore? Total, IReadOnlyList<SubscaleScore> Subscales, IReadOnlyList<string> MissingItems)
    {
        public bool Prorated => MissingItems.Count > 0;
    }

    /// <param name="Reliable">"improvement", "deterioration" or "none"; null when the scale has no reliable-change figure.</param>
    /// <param name="Index">Jacobson and Truax's reliable change index, when the scale gives SD and reliability.</param>
    /// <param name="ClinicallySignificant">"improvement" (reliable improvement that crosses the cut-off out of the clinical range), "deterioration" (the reverse) or "none"; null without a cut-off and a reliable-change figure.</param>
    public sealed record Change(decimal From, decimal To, decimal Difference, string? Reliable, double? Index, string? ClinicallySignificant);

    /// <summary>
    /// Problems with the answers, keyed "answers.{item}" (as the API names fields): unknown items,
    /// values that are not one of the item's options, and (unless <paramref name="draft"/>) scored
    /// items left unanswered beyond what the instrument allows. Empty when the answers can be saved.
    /// </summary>
    public static Dictionary<string, string[]> Check(Instrument instrument, IReadOnlyDictionary<string, int?> answers, bool draft)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (id, value) in answers)
        {
            if (instrument.FindItem(id) is not { } item)
            {
                errors[Field(id)] = [$"The {instrument.ShortTitle} has no item \"{id}\"; its items are {Describe(instrument.Items.Select(i => i.Id))}{(instrument.FollowUp.Count > 0 ? $", and {Describe(instrument.FollowUp.Select(i => $"\"{i.Id}\""))}" : "")}."];
                continue;
            }

            var options = instrument.OptionsFor(item);
            if (value is { } v && !options.Any(o => o.Value == v))
            {
                errors[Field(id)] = [$"Item {id} takes {Describe(options.Select(o => o.Value.ToString(CultureInfo.InvariantCulture)), "or")}; {v.ToString(CultureInfo.InvariantCulture)} is not one of them."];
            }
        }

        if (!draft && errors.Count == 0)
        {
            var missing = MissingItems(instrument, answers);
            var safetyMissing = missing.Where(id => instrument.SafetyItems.Any(s => s.Item == id)).ToList();
            var tooMany = missing.Count > instrument.Missing.MaxMissing;
            foreach (var id in tooMany ? missing : safetyMissing)
            {
                errors[Field(id)] = [$"Item {id} has no answer yet. Answer it, or save the response as a draft to finish later."];
            }
        }

        return errors;
    }

    public static string Field(string itemId) => $"answers.{itemId}";

    /// <summary>The scored items without an answer, in published order.</summary>
    public static List<string> MissingItems(Instrument instrument, IReadOnlyDictionary<string, int?> answers) =>
        [.. instrument.Items.Where(i => !answers.TryGetValue(i.Id, out var v) || v is null).Select(i => i.Id)];

    /// <summary>
    /// The scores for a response, or null when it may not be scored: more scored items missing than
    /// the instrument allows, or a safety item missing. An incomplete response is never scored as complete.
    /// </summary>
    public static Scores? Score(Instrument instrument, IReadOnlyDictionary<string, int?> answers)
    {
        if (Check(instrument, answers, draft: false).Count > 0)
        {
            return null;
        }

        var missing = MissingItems(instrument, answers);
        var total = instrument.Total is { } scale ? ScoreScale(scale, instrument, instrument.Items, answers) : null;
        var subscales = instrument.Subscales
            .Select(s => (s, Score: ScoreScale(s, instrument, [.. s.Items.Select(id => instrument.Items.First(i => i.Id == id))], answers)))
            .Where(x => x.Score is not null)
            .Select(x => new SubscaleScore(x.s, x.Score!))
            .ToList();
        return new Scores(total, subscales, missing);
    }

    /// <summary>The score of one scale; null when none of its items is answered.</summary>
    public static ScaleScore? ScoreScale(Scale scale, Instrument instrument, IReadOnlyList<Item> items, IReadOnlyDictionary<string, int?> answers)
    {
        var (lowest, highest) = instrument.OptionRange;
        var values = new List<decimal>();
        foreach (var item in items)
        {
            if (answers.TryGetValue(item.Id, out var answer) && answer is { } a)
            {
                values.Add(item.Reversed && scale.ReverseItems ? lowest + highest - a : a);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        // A sum over answered items stands in for the missing ones with their mean (prorating).
        var mean = values.Sum() / values.Count;
        var raw = scale.Method == Scale.Mean ? mean : values.Count == items.Count ? values.Sum() : mean * items.Count;
        var value = Math.Round(raw * scale.Multiplier, scale.Decimals, MidpointRounding.AwayFromZero);
        return new ScaleScore(value, scale.BandFor(value), scale.Cutoff is null ? null : scale.IsInClinicalRange(value));
    }

    /// <summary>The lowest and highest score a scale can reach.</summary>
    public static (decimal Min, decimal Max) RangeOf(Scale scale, Instrument instrument, int itemCount)
    {
        var (lowest, highest) = instrument.OptionRange;
        var count = scale.Method == Scale.Mean ? 1 : itemCount;
        return (lowest * count * scale.Multiplier, highest * count * scale.Multiplier);
    }

    /// <summary>The smallest difference between two scores at this many decimals: 1, 0.1, 0.01, ...</summary>
    public static decimal Step(int decimals) => 1m / (decimal)Math.Pow(10, decimals);

    /// <summary>
    /// How <paramref name="to"/> compares with the earlier <paramref name="from"/> on this scale.
    /// With a published threshold, a change at least that large is reliable; with SD and reliability,
    /// |RCI| = |to − from| / (SD × √2 × √(1 − r)) must be above 1.96 (Jacobson and Truax 1991).
    /// </summary>
    public static Change Compare(Scale scale, decimal from, decimal to)
    {
        var difference = to - from;
        double? index = null;
        bool? reliable = null;
        if (scale.ReliableChange is { Threshold: { } threshold })
        {
            reliable = Math.Abs(difference) >= threshold;
        }
        else if (scale.ReliableChange?.StandardErrorOfDifference is { } standardError)
        {
            // Rounded before the comparison, so an index of exactly 1.96 is not tipped over it by floating point.
            index = Math.Round((double)difference / standardError, 6);
            reliable = Math.Abs(index.Value) > ReliableChange.Criterion;
        }

        var better = scale.HigherIsBetter ? difference > 0 : difference < 0;
        var direction = reliable switch
        {
            null => null,
            false => NoChange,
            true => better ? Improvement : Deterioration,
        };

        string? clinical = null;
        if (direction is not null && scale.Cutoff is not null)
        {
            var wasClinical = scale.IsInClinicalRange(from);
            var isClinical = scale.IsInClinicalRange(to);
            clinical = direction switch
            {
                Improvement when wasClinical && !isClinical => Improvement,
                Deterioration when !wasClinical && isClinical => Deterioration,
                _ => NoChange,
            };
        }

        return new Change(from, to, difference, direction, index, clinical);
    }

    /// <summary>The safety items answered above their threshold: the categories to open the safety flow with.</summary>
    public static IReadOnlyList<SafetyItem> SafetyTriggered(Instrument instrument, IReadOnlyDictionary<string, int?> answers) =>
        [.. instrument.SafetyItems.Where(s => answers.TryGetValue(s.Item, out var v) && v > s.Above)];

    private static string Describe(IEnumerable<string> values, string last = "and")
    {
        var list = values.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} {last} {list[^1]}",
        };
    }
}
