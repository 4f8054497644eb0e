using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>The app with a clinic's instruments folder holding a definition with the FSCRS's structure.</summary>
public sealed class ClinicInstrumentsFactory : InnerAllyFactory
{
    public ClinicInstrumentsFactory()
    {
        MadeUpInstrument.Write(Folder);
        Settings = new Dictionary<string, string?> { ["Measures:InstrumentsFolder"] = Folder };
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "innerally-instruments", Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class ClinicInstrumentsTests(ClinicInstrumentsFactory factory) : IClassFixture<ClinicInstrumentsFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clinics_instrument_is_offered_scored_by_subscale_sums_and_its_safety_item_opens_the_safety_flow()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments", Cancel);
        var first = await RecordResponseApiTests.PostAsync(client, MadeUpInstrument.Code, new { answers = Enumerable.Range(1, 22).ToDictionary(i => $"{i}", i => i is 9 ? 0 : 4) });
        var second = await RecordResponseApiTests.PostAsync(client, MadeUpInstrument.Code, new { answers = Enumerable.Range(1, 22).ToDictionary(i => $"{i}", i => i % 5) });

        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == MadeUpInstrument.Code);
        Assert.False(first.GetProperty("safety").GetProperty("triggered").GetBoolean());
        var scores = second.GetProperty("scores");
        Assert.Equal(JsonValueKind.Null, scores.GetProperty("total").ValueKind);
        var subscales = scores.GetProperty("subscales").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal(19, subscales["IS"].GetProperty("score").GetInt32());
        Assert.Equal(8, subscales["HS"].GetProperty("score").GetInt32());
        Assert.Equal(16, subscales["RS"].GetProperty("score").GetInt32());
        // Inadequate self went from 36 (nine 4s) to 19: RCI = −17 / (5 × √2 × √0.5) = −3.4, a reliable improvement.
        var change = subscales["IS"].GetProperty("change").GetProperty("fromFirst");
        Assert.Equal(-3.4, change.GetProperty("index").GetDouble(), 6);
        Assert.Equal("improvement", change.GetProperty("reliable").GetString());
        Assert.True(second.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/instruments/{MadeUpInstrument.Code}", Cancel)).StatusCode);
    }
}

/// <summary>A clinic's broken definition, or a folder that is not there, stops the app at start with the problem named.</summary>
public sealed class ClinicInstrumentsStartupTests
{
    [Fact]
    public async Task A_broken_definition_stops_the_app_at_start_naming_the_file_and_the_problem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "innerally-instruments", Guid.NewGuid().ToString("N"));
        var definition = MadeUpInstrument.Definition();
        definition["missing"] = new System.Text.Json.Nodes.JsonObject { ["maxMissing"] = 22 };
        var file = MadeUpInstrument.Write(folder, definition);
        try
        {
            await using var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["Measures:InstrumentsFolder"] = folder } };
            await factory.InitializeAsync();

            var error = Record.Exception(() => factory.CreateClient());

            Assert.NotNull(error);
            Assert.Contains($"{file}: missing.maxMissing must be from 0 to 21.", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_folder_that_is_not_there_stops_the_app_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "innerally-instruments", "not-there-" + Guid.NewGuid().ToString("N"));
        await using var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["Measures:InstrumentsFolder"] = folder } };
        await factory.InitializeAsync();

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Measures:InstrumentsFolder", error.ToString(), StringComparison.Ordinal);
    }
}
