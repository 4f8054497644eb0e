using InnerAlly.Features.Measures;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>The shipped definitions, read as the app reads them, and answers written the way a person gives them.</summary>
internal static class Instruments
{
    public static readonly InstrumentCatalog Shipped = new(InstrumentCatalog.Folders(new MeasuresOptions()));

    public static Instrument Phq9 => Shipped.Find("phq9")!;

    public static Instrument Gad7 => Shipped.Find("gad7")!;

    public static Instrument Who5 => Shipped.Find("who5")!;

    public static Instrument ScsSf => Shipped.Find("scs-sf")!;

    /// <summary>Answers in published order: item 1 gets the first value, and so on; null leaves an item out.</summary>
    public static Dictionary<string, int?> Answers(params int?[] values) =>
        values.Select((v, i) => (Id: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v))
            .Where(x => x.v is not null)
            .ToDictionary(x => x.Id, x => x.v);

    /// <summary>Answers for a sum-scored instrument that add up to <paramref name="total"/>: highest answers first, the rest at the lowest.</summary>
    public static Dictionary<string, int?> AnswersSummingTo(Instrument instrument, int total)
    {
        var (lowest, highest) = instrument.OptionRange;
        var left = total - (lowest * instrument.Items.Count);
        var values = new int?[instrument.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var extra = Math.Min(highest - lowest, left);
            values[i] = lowest + extra;
            left -= extra;
        }

        Assert.Equal(0, left);
        return Answers(values);
    }

    /// <summary>Answers to the SCS-SF whose scored values (after reversal) are <paramref name="scored"/>.</summary>
    public static Dictionary<string, int?> ScsSfScoredAs(params int[] scored)
    {
        var reversed = ScsSf.Items.Select(i => i.Reversed).ToArray();
        return Answers([.. scored.Select((v, i) => (int?)(reversed[i] ? 6 - v : v))]);
    }
}
