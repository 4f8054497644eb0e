using InnerAlly.Features.Practices;

namespace InnerAlly.Tests.Features.Practices;

/// <summary>The shipped scripts are complete and add up; a broken script is refused with a message naming the problem.</summary>
public sealed class PracticeContentTests
{
    private static readonly PracticeCatalog Library = new();


    public static readonly string[] Required =
    [
        "soothing-rhythm-breathing", "safe-place", "compassionate-colour", "compassionate-other", "compassionate-self",
        "compassion-flowing-out", "compassion-flowing-in", "compassion-to-yourself", "loving-kindness", "soothing-touch",
        "mindful-noticing", "supportive-self-talk", "compassionate-action",
        "compassionate-voice", "compassionate-self-meets-the-critic", "compassion-for-the-critic", "compassionate-courage",
    ];

    [Fact]
    public void The_library_has_every_practice_the_guide_names_complete_and_adding_up()
    {
        var library = Library.All;

        Assert.True(library.Count >= 12, $"{library.Count} practices");
        Assert.Empty(Required.Except(library.Select(p => p.Id)));
        Assert.Equal("soothing-rhythm-breathing", library[0].Id);
        foreach (var practice in library)
        {
            Assert.False(string.IsNullOrWhiteSpace(practice.Purpose), practice.Id);
            Assert.False(string.IsNullOrWhiteSpace(practice.WhenHard), practice.Id);
            Assert.False(string.IsNullOrWhiteSpace(practice.WhenToUse), practice.Id);
            Assert.Contains(3, practice.Lengths);
            Assert.Contains(5, practice.Lengths);
            foreach (var minutes in practice.Lengths)
            {
                var steps = practice.StepsFor(minutes);
                Assert.True(steps.Count >= 3, $"{practice.Id} {minutes} min");
                Assert.Equal(minutes * 60, steps.Sum(s => s.Seconds));
                Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
            }
        }
    }

    [Fact]
    public void Loving_kindness_offers_its_first_wishes_to_someone_loved_before_oneself()
    {
        // Lesson 08: for a strong self-critic, warmth starts further away.
        var wishes = Library.Find("loving-kindness")!.StepsFor(10).Select(s => s.Text).Where(t => t.Contains("May ", StringComparison.Ordinal)).ToList();

        Assert.Contains("May you be safe", wishes[0], StringComparison.Ordinal);
        Assert.Contains("May I be safe", wishes[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scripts_read_aloud_cleanly_and_never_shout()
    {
        foreach (var practice in Library.All)
        {
            foreach (var text in practice.Steps.Select(s => s.Text).Append(practice.Purpose).Append(practice.WhenHard).Append(practice.Summary))
            {
                Assert.DoesNotContain("!", text, StringComparison.Ordinal);
                Assert.DoesNotContain("e.g.", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Steps_that_do_not_add_up_are_refused_naming_the_length_and_the_total()
    {
        var problems = Problems("""
            id: sample
            title: Sample
            summary: A sample.
            systems: [soothe]
            kind: breathing
            group: start-here
            purpose: For testing.
            whenToUse: Never.
            whenHard: Stop.
            lengths: [3, 5]
            steps:
              - text: One.
                seconds: {3: 60, 5: 100}
              - text: Two.
                seconds: {3: 60, 5: 100}
              - text: Three.
                seconds: {3: 60, 5: 90}
            """);

        Assert.Equal(["the 5-minute version's steps add up to 290 s, not 300 s."], problems);
    }

    [Fact]
    public void Every_practice_sits_in_a_group_and_an_unknown_group_is_refused()
    {
        Assert.All(Library.All, p => Assert.Contains(p.Group, PracticeCatalog.GroupIds));
        Assert.Equal(PracticeCatalog.GroupIds, new PracticeGroups().Library.Groups.Select(g => g.Id));

        var problems = Problems("""
            id: sample
            title: Sample
            summary: A sample.
            systems: [soothe]
            kind: breathing
            group: somewhere
            purpose: For testing.
            whenToUse: Never.
            whenHard: Stop.
            lengths: [3]
            steps:
              - text: One.
                seconds: {3: 60}
              - text: Two.
                seconds: {3: 60}
              - text: Three.
                seconds: {3: 60}
            """);

        Assert.Equal(["group is one of start-here, soothing-the-body, imagery, compassionate-self, compassion-flowing, compassion-in-action."], problems);
    }

    [Fact]
    public void A_missing_when_it_feels_hard_note_steps_or_durations_are_refused()
    {
        var problems = Problems("""
            id: sample
            title: Sample
            summary: A sample.
            systems: [soothe, calm]
            kind: breathing
            purpose: For testing.
            whenToUse: Never.
            lengths: [3]
            steps:
              - text: One.
              - text: Two.
                seconds: {3: 90, 4: 30}
              - text: Three.
                seconds: {3: 90}
            """);

        Assert.Contains("whenHard is missing.", problems);
        Assert.Contains("systems lists one or more of threat, drive, soothe.", problems);
        Assert.Contains("step 1 has no seconds.", problems);
        Assert.Contains("step 2 gives seconds for 4 minutes, which is not one of the lengths.", problems);
        Assert.Contains("the 3-minute version has 2 steps; it needs at least 3.", problems);
    }

    [Fact]
    public void A_broken_file_stops_loading_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("innerally-practices-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.yaml"), "id: broken\ntitle: Broken\n");

            var error = Assert.Throws<InvalidDataException>(() => PracticeCatalog.Load(folder.FullName));

            Assert.Contains("broken.yaml", error.Message, StringComparison.Ordinal);
            Assert.Contains("whenHard is missing.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> Problems(string yaml) => [.. PracticeCatalog.Problems(PracticeCatalog.Parse(yaml), "sample")];
}
