using System.Text.RegularExpressions;

namespace InnerAlly.Features.Measures;

/// <summary>
/// What makes a questionnaire definition usable: a code, the published wording and attribution,
/// options, items, scales whose bands, cut-off and reliable change fit the possible scores, and
/// safety items that name a known category. <see cref="InstrumentCatalog"/> refuses a file with any problem.
/// </summary>
public static partial class InstrumentCheck
{
    /// <summary>Everything wrong with a definition, in words a clinic can act on; empty when it can be used.</summary>
    public static IEnumerable<string> Problems(Instrument instrument)
    {
        if (!CodePattern().IsMatch(instrument.Code ?? ""))
        {
            yield return $"code '{instrument.Code}' must be 1 to 32 lower-case letters, digits or hyphens, starting with a letter or digit.";
        }

        foreach (var (name, value) in new[] { ("title", instrument.Title), ("shortTitle", instrument.ShortTitle), ("about", instrument.About), ("stem", instrument.Stem), ("licence", instrument.Licence), ("attribution", instrument.Attribution), ("citation", instrument.Citation) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{name} is missing.";
            }
        }

        foreach (var problem in CheckOptions("options", instrument.Options))
        {
            yield return problem;
        }

        if (instrument.Items is not { Count: > 0 })
        {
            yield return "items must list at least one item.";
            yield break;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in instrument.AllItems)
        {
            if (string.IsNullOrWhiteSpace(item.Id) || !ids.Add(item.Id))
            {
                yield return $"item id '{item.Id}' is empty or used twice.";
            }

            if (string.IsNullOrWhiteSpace(item.Text))
            {
                yield return $"item {item.Id} has no text.";
            }
        }

        foreach (var item in instrument.Items.Where(i => i.Options is not null))
        {
            yield return $"item {item.Id} has its own options; scored items share the instrument's options (only followUp questions may have their own).";
        }

        foreach (var item in instrument.FollowUp)
        {
            if (item.Reversed)
            {
                yield return $"follow-up question {item.Id} is marked reversed, but follow-up questions are not scored.";
            }

            foreach (var problem in CheckOptions($"follow-up question {item.Id}'s options", instrument.OptionsFor(item)))
            {
                yield return problem;
            }
        }

        if (instrument.Options is not { Count: > 1 })
        {
            yield break;
        }

        if (instrument.Total is null && instrument.Subscales.Count == 0)
        {
            yield return "there is neither a total nor a subscale, so nothing would be scored.";
        }

        if (instrument.Total is { } total)
        {
            foreach (var problem in CheckScale("total", total, instrument, instrument.Items.Count))
            {
                yield return problem;
            }
        }

        var subscaleCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscale in instrument.Subscales)
        {
            var name = $"subscale '{subscale.Code}'";
            if (string.IsNullOrWhiteSpace(subscale.Code) || !subscaleCodes.Add(subscale.Code) || string.IsNullOrWhiteSpace(subscale.Title))
            {
                yield return $"{name} needs a code of its own and a title.";
            }

            if (subscale.Items is not { Count: > 0 } || subscale.Items.Distinct(StringComparer.Ordinal).Count() != subscale.Items.Count)
            {
                yield return $"{name} must list its items, each once.";
                continue;
            }

            foreach (var id in subscale.Items.Where(id => !instrument.Items.Any(i => i.Id == id)))
            {
                yield return $"{name} lists item '{id}', which is not one of the scored items.";
            }

            foreach (var problem in CheckScale(name, subscale, instrument, subscale.Items.Count))
            {
                yield return problem;
            }
        }

        if (instrument.Missing.MaxMissing < 0 || instrument.Missing.MaxMissing >= instrument.Items.Count)
        {
            yield return $"missing.maxMissing must be from 0 to {instrument.Items.Count - 1}.";
        }

        foreach (var safety in instrument.SafetyItems)
        {
            if (!instrument.Items.Any(i => i.Id == safety.Item))
            {
                yield return $"safety item '{safety.Item}' is not one of the scored items.";
            }

            if (!SafetySupport.Categories.Contains(safety.Category))
            {
                yield return $"safety item {safety.Item}'s category '{safety.Category}' must be one of {string.Join(", ", SafetySupport.Categories)}.";
            }

            if (safety.Above < instrument.OptionRange.Min || safety.Above >= instrument.OptionRange.Max)
            {
                yield return $"safety item {safety.Item} opens the safety flow above {safety.Above}, which no answer (or every answer) is.";
            }
        }

        foreach (var (name, coding) in new[] { ("codes.panel", instrument.Codes?.Panel), ("codes.total", instrument.Codes?.Total) })
        {
            if (coding is not null && (!Uri.TryCreate(coding.System, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(coding.Code)))
            {
                yield return $"{name} needs an absolute system URI and a code.";
            }
        }
    }

    private static IEnumerable<string> CheckOptions(string name, IReadOnlyList<AnswerOption>? options)
    {
        if (options is not { Count: > 1 })
        {
            yield return $"{name} must offer at least two answers.";
            yield break;
        }

        if (options.Select(o => o.Value).Distinct().Count() != options.Count)
        {
            yield return $"{name} gives two answers the same value.";
        }

        if (options.Any(o => string.IsNullOrWhiteSpace(o.Label)))
        {
            yield return $"{name} has an answer without a label.";
        }
    }

    private static IEnumerable<string> CheckScale(string name, Scale scale, Instrument instrument, int itemCount)
    {
        if (scale.Method is not (Scale.Sum or Scale.Mean))
        {
            yield return $"{name}'s method '{scale.Method}' must be 'sum' or 'mean'.";
            yield break;
        }

        if (scale.HigherIs is not (Scale.Worse or Scale.Better))
        {
            yield return $"{name}'s higherIs '{scale.HigherIs}' must be 'worse' or 'better'.";
        }

        if (scale.Multiplier < 1 || scale.Decimals is < 0 or > 4)
        {
            yield return $"{name} needs a multiplier of 1 or more and 0 to 4 decimals.";
            yield break;
        }

        var (low, high) = ScoreResponse.RangeOf(scale, instrument, itemCount);
        var step = ScoreResponse.Step(scale.Decimals);
        string Show(decimal value) => Band.Format(value, scale.Decimals);
        Band? previous = null;
        foreach (var band in scale.Bands)
        {
            if (string.IsNullOrWhiteSpace(band.Label) || band.Min > band.Max)
            {
                yield return $"{name}'s band {Show(band.Min)}-{Show(band.Max)} needs a label and a lowest value no higher than its highest.";
            }

            var expected = previous is null ? low : previous.Max + step;
            if (band.Min != expected)
            {
                yield return $"{name}'s bands must follow on without gaps or overlaps from {Show(low)}: a band starts at {Show(band.Min)} where {Show(expected)} was expected.";
            }

            previous = band;
        }

        if (previous is not null && previous.Max != high)
        {
            yield return $"{name}'s bands end at {Show(previous.Max)}, but the score can reach {Show(high)}.";
        }

        if (scale.Cutoff is { } cutoff && (cutoff.Value < low || cutoff.Value > high || string.IsNullOrWhiteSpace(cutoff.Label)))
        {
            yield return $"{name}'s cut-off {cutoff.Value.ToString(CultureInfo.InvariantCulture)} must lie within {Show(low)}-{Show(high)} and have a label.";
        }

        if (scale.ReliableChange is { } change)
        {
            var byThreshold = change.Threshold is > 0 && change.Sd is null && change.Reliability is null;
            var byIndex = change.Threshold is null && change.Sd is > 0 && change.Reliability is >= 0 and < 1;
            if (!byThreshold && !byIndex)
            {
                yield return $"{name}'s reliableChange needs either a threshold above 0, or an sd above 0 and a reliability from 0 up to (not including) 1.";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
