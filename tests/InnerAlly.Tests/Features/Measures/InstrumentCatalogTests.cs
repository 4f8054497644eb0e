using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InnerAlly.Features.Measures;
using static InnerAlly.Tests.Features.Measures.Instruments;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>The definitions we ship match INSTRUMENTS.md word for word; a clinic's folder adds instruments; broken ones stop the app with the problem named.</summary>
public sealed partial class InstrumentCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "innerally-instruments", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void We_ship_phq9_gad7_who5_and_scs_sf_and_nothing_whose_permission_is_unconfirmed()
    {
        Assert.Equal(["phq9", "gad7", "who5", "scs-sf"], Shipped.All.Select(i => i.Code));
        var shippedText = string.Join('\n', Directory.GetFiles(InstrumentCatalog.Folders(new MeasuresOptions()).First()).Select(File.ReadAllText));
        foreach (var unshippable in new[] { "FSCRS", "Forms of Self-Criticising", "Fears of Compassion", "CEAS", "Compassionate Engagement", "DASS" })
        {
            Assert.DoesNotContain(unshippable, shippedText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Shipped_wording_is_exactly_as_instruments_md_gives_it()
    {
        var markdown = File.ReadAllText(InstrumentsMarkdown());
        var flowing = Spaces().Replace(markdown, " ");

        foreach (var instrument in Shipped.All)
        {
            foreach (var item in instrument.Items)
            {
                Assert.True(markdown.Contains($"\n{item.Id}. {item.Text}", StringComparison.Ordinal), $"{instrument.Code} item {item.Id} is not worded as in INSTRUMENTS.md: \"{item.Text}\"");
            }

            Assert.Contains(instrument.Stem, markdown, StringComparison.Ordinal);
            foreach (var option in instrument.AllItems.SelectMany(instrument.OptionsFor).Where(o => !Regex.IsMatch(o.Label, "^[0-9]$")))
            {
                Assert.Contains(option.Label, flowing, StringComparison.Ordinal);
            }
        }

        // The follow-up question spans two lines there.
        Assert.Contains(Phq9.FollowUp.Single().Text, flowing, StringComparison.Ordinal);
        Assert.Equal(9, Phq9.Items.Count);
        Assert.Equal(7, Gad7.Items.Count);
        Assert.Equal(5, Who5.Items.Count);
        Assert.Equal(12, ScsSf.Items.Count);
        Assert.Equal(["1", "4", "8", "9", "11", "12"], ScsSf.Items.Where(i => i.Reversed).Select(i => i.Id));
    }

    [Fact]
    public void Codes_are_the_loinc_codes_for_phq9_and_gad7()
    {
        Assert.Equal(("http://loinc.org", "44249-1", "44261-6"), (Phq9.Codes!.Panel!.System, Phq9.Codes.Panel.Code, Phq9.Codes.Total!.Code));
        Assert.Equal(("http://loinc.org", "69737-5", "70274-6"), (Gad7.Codes!.Panel!.System, Gad7.Codes.Panel.Code, Gad7.Codes.Total!.Code));
    }

    [Fact]
    public void A_clinics_folder_adds_a_definition_with_the_fscrs_structure_and_it_is_scored_by_the_same_engine()
    {
        MadeUpInstrument.Write(_folder);

        var catalog = new InstrumentCatalog(InstrumentCatalog.Folders(new MeasuresOptions { InstrumentsFolder = _folder }));
        var instrument = catalog.Find(MadeUpInstrument.Code)!;
        // Item i answered i mod 5: inadequate 1+2+4+1+2+4+2+3+0 = 19, hated 4+0+2+0+2 = 8, reassured 3+0+3+1+3+1+4+1 = 16.
        var answers = Enumerable.Range(1, 22).ToDictionary(i => $"{i}", i => (int?)(i % 5));
        var scores = ScoreResponse.Score(instrument, answers)!;

        Assert.Equal(5, catalog.All.Count);
        Assert.Null(scores.Total);
        Assert.Equal([("IS", 19m), ("HS", 8m), ("RS", 16m)], scores.Subscales.Select(s => (s.Subscale.Code, s.Score.Value)));
        Assert.Equal("self", Assert.Single(ScoreResponse.SafetyTriggered(instrument, answers)).Category);
    }

    [Fact]
    public void A_definition_may_allow_a_missing_item_and_its_sums_are_prorated_but_never_a_missing_safety_item()
    {
        MadeUpInstrument.Write(_folder);
        var instrument = new InstrumentCatalog([_folder]).Find(MadeUpInstrument.Code)!;
        var allTwos = Enumerable.Range(1, 22).ToDictionary(i => $"{i}", _ => (int?)2);

        var oneMissing = new Dictionary<string, int?>(allTwos);
        oneMissing.Remove("1");
        var twoMissing = new Dictionary<string, int?>(oneMissing);
        twoMissing.Remove("3");
        var safetyMissing = new Dictionary<string, int?>(allTwos);
        safetyMissing.Remove("9");

        var prorated = ScoreResponse.Score(instrument, oneMissing)!;
        // Inadequate self: 8 answered items of 2, mean 2, × 9 items = 18.
        Assert.Equal(18m, prorated.Subscales.Single(s => s.Subscale.Code == "IS").Score.Value);
        Assert.True(prorated.Prorated);
        Assert.Equal(["1"], prorated.MissingItems);
        Assert.Null(ScoreResponse.Score(instrument, twoMissing));
        Assert.Equal(["answers.1", "answers.3"], ScoreResponse.Check(instrument, twoMissing, draft: false).Keys);
        Assert.Null(ScoreResponse.Score(instrument, safetyMissing));
        Assert.Equal(["answers.9"], ScoreResponse.Check(instrument, safetyMissing, draft: false).Keys);
    }

    [Fact]
    public void Broken_definitions_stop_the_catalog_with_each_file_and_problem_named()
    {
        var definition = MadeUpInstrument.Definition();
        definition["subscales"]![0]!["items"]!.AsArray().Add("23");
        definition["subscales"]![1]!["bands"] = new JsonArray(
            new JsonObject { ["min"] = 0, ["max"] = 9, ["label"] = "Low" },
            new JsonObject { ["min"] = 11, ["max"] = 20, ["label"] = "High" });
        definition["safetyItems"]![0]!["category"] = "sad";
        var broken = MadeUpInstrument.Write(_folder, definition);
        MadeUpInstrument.Write(_folder, JsonNode.Parse(File.ReadAllText(Path.Combine(InstrumentCatalog.Folders(new MeasuresOptions()).First(), "01-phq9.json")))!.AsObject(), "copy-of-phq9.json");
        File.WriteAllText(Path.Combine(_folder, "typo.json"), """{ "code": "typo", "titel": "Oops" }""");

        var error = Assert.Throws<InvalidDataException>(() => new InstrumentCatalog(InstrumentCatalog.Folders(new MeasuresOptions { InstrumentsFolder = _folder })));

        Assert.Contains($"{broken}: subscale 'IS' lists item '23', which is not one of the scored items.", error.Message, StringComparison.Ordinal);
        Assert.Contains("subscale 'HS''s bands must follow on without gaps or overlaps from 0: a band starts at 11 where 10 was expected.", error.Message, StringComparison.Ordinal);
        Assert.Contains("category 'sad' must be one of self, from_others, to_others", error.Message, StringComparison.Ordinal);
        Assert.Contains("copy-of-phq9.json: the code 'phq9' is already used by", error.Message, StringComparison.Ordinal);
        Assert.Contains("typo.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("titel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_folder_that_does_not_exist_is_refused()
    {
        var results = new MeasuresOptions { InstrumentsFolder = _folder }.Validate(new(new object())).ToList();

        Assert.Contains(_folder, Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>The wording copied from INSTRUMENTS.md into this project (Fixtures/), so the repository checks it on its own.</summary>
    private static string InstrumentsMarkdown() => Path.Combine(AppContext.BaseDirectory, "Features", "Measures", "Fixtures", "INSTRUMENTS-wording.md");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
