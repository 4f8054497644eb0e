using InnerAlly.Features.Learn;
using InnerAlly.Features.Practices;

namespace InnerAlly.Tests.Features.Learn;

/// <summary>The shipped course: complete, plainly written, linked to real practices, and safe to render.</summary>
public sealed class LessonContentTests
{
    private static readonly PracticeCatalog Practices = new();


    private static readonly LessonCatalog Course = new([Path.Combine(AppContext.BaseDirectory, "Content", "Lessons")]);

    [Fact]
    public void The_course_has_the_thirteen_lessons_in_order_each_with_a_question_a_practice_and_sources()
    {
        Assert.Equal(
            ["what-compassion-is", "the-tricky-brain", "the-three-systems", "not-your-fault", "the-inner-critic", "shame-and-guilt",
             "the-compassionate-self", "when-compassion-feels-hard", "self-correction-or-self-attack",
             "safeness-and-safety", "social-rank-and-shame", "multiple-selves", "fears-blocks-and-resistances"],
            Course.All.Select(l => l.Slug));
        Assert.All(Course.All, l =>
        {
            Assert.InRange(l.Minutes, 3, 7);
            Assert.NotNull(Practices.Find(l.Practice));
            Assert.NotEmpty(l.References);
            Assert.EndsWith("?", l.Reflection, StringComparison.Ordinal);
        });
        Assert.Contains("Gilbert, P. (2014)", Course.ReferencesHtml, StringComparison.Ordinal);
    }

    /// <summary>Issue 15: trauma can make warmth or closed eyes bring old pain close, so the lesson on blocks says how to come back to the room.</summary>
    [Fact]
    public void The_lesson_on_fears_blocks_and_resistances_gives_a_grounding_note_and_the_help_link()
    {
        var lesson = Course.Find("fears-blocks-and-resistances")!;

        Assert.Contains("dissociation", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("name five things you can see", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("Need help now?", lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lesson_reads_at_grade_8_or_below()
    {
        foreach (var lesson in Course.All)
        {
            var grade = ReadingLevel.Grade(lesson.Text);
            Assert.True(grade <= 8, $"{lesson.Slug} reads at grade {grade:0.0}.");
        }
    }

    [Fact]
    public void Reading_time_matches_the_length_at_about_190_words_a_minute()
    {
        foreach (var lesson in Course.All)
        {
            var words = lesson.Text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words / 190.0, lesson.Minutes - 1.0, lesson.Minutes + 1.0);
        }
    }

    [Fact]
    public void Raw_html_in_a_lesson_is_shown_as_text_never_run()
    {
        var (_, html, _) = LessonCatalog.Render("---\nslug: x\n---\nHello <script>alert(1)</script> and <img src=x onerror=alert(1)>.\n\n[link](javascript:alert(1))");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}

/// <summary>Flesch-Kincaid grade, checked by hand.</summary>
public sealed class ReadingLevelTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("kindness", 2)]
    [InlineData("compassion", 3)]
    [InlineData("gentle", 2)]
    [InlineData("breathe", 1)]
    [InlineData("the", 1)]
    public void Syllables_are_vowel_groups_less_a_silent_e(string word, int expected) =>
        Assert.Equal(expected, ReadingLevel.Syllables(word));

    [Fact]
    public void Grade_follows_the_formula()
    {
        // "The cat sat. The dog ran." 6 words, 2 sentences, 6 syllables:
        // 0.39 × 3 + 11.8 × 1 − 15.59 = 1.17 + 11.8 − 15.59 = −2.62.
        Assert.Equal(-2.62, ReadingLevel.Grade("The cat sat. The dog ran."), 2);

        // "Compassion is a kindness." 4 words, 1 sentence, 3 + 1 + 1 + 2 = 7 syllables:
        // 0.39 × 4 + 11.8 × 1.75 − 15.59 = 1.56 + 20.65 − 15.59 = 6.62.
        Assert.Equal(6.62, ReadingLevel.Grade("Compassion is a kindness."), 2);
    }
}
