using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Learn;

/// <summary>The app with a clinic's own lesson folder: one lesson added, one of ours replaced.</summary>
public sealed class ClinicLessonsFactory : InnerAllyFactory
{
    public ClinicLessonsFactory()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "20-our-group.md"), """
            ---
            slug: our-group
            title: Our Tuesday group
            summary: What to expect at the clinic's group.
            minutes: 3
            practice: safe-place
            reflection: What would you like from the group?
            references:
              - "Gilbert, P. (2014). The origins and nature of compassion focused therapy. British Journal of Clinical Psychology, 53(1), 6-41."
            ---
            We meet on Tuesdays. <b>Bring a cup of tea.</b>
            """);
        File.WriteAllText(Path.Combine(Folder, "02-the-tricky-brain.md"), """
            ---
            slug: the-tricky-brain
            title: The tricky brain, our way
            summary: The clinic's own telling.
            minutes: 3
            practice: mindful-noticing
            reflection: What did you notice?
            references: []
            ---
            Our own words.
            """);
        Settings = new Dictionary<string, string?> { ["Learn:LessonsFolder"] = Folder };
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "innerally-lessons", Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class ClinicLessonsTests(ClinicLessonsFactory factory) : IClassFixture<ClinicLessonsFactory>
{
    [Fact]
    public async Task A_clinics_folder_adds_lessons_and_replaces_ours_by_slug_and_its_html_is_not_run()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var course = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons", TestContext.Current.CancellationToken);
        var replaced = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/the-tricky-brain", TestContext.Current.CancellationToken);
        var added = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/our-group", TestContext.Current.CancellationToken);

        var slugs = course.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Equal(14, slugs.Count);
        Assert.Equal("our-group", slugs[^1]);
        Assert.Equal("The tricky brain, our way", replaced.GetProperty("title").GetString());
        Assert.Contains("&lt;b&gt;", added.GetProperty("body").GetString(), StringComparison.Ordinal);
    }
}
