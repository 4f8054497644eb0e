using InnerAlly.Features.CheckIns;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class ThreeCirclesTests
{
    /// <summary>The shipped Content/CheckIns/systems.json, read as the app reads it.</summary>
    private readonly EmotionCatalog _emotions = new();

    [Theory]
    [InlineData(0, 14.0)]
    [InlineData(10, 70.0)]
    [InlineData(4, 49.4180)] // 14 + 56 * sqrt(0.4) = 14 + 56 * 0.632456 = 49.4175...
    [InlineData(1, 31.7088)] // 14 + 56 * sqrt(0.1) = 14 + 56 * 0.316228 = 31.7088
    public void Radius_grows_with_the_square_root_so_area_follows_the_rating(int rating, double expected) =>
        Assert.Equal(expected, ThreeCircles.Radius(rating), 3);

    [Fact]
    public void Area_of_a_10_over_a_5_is_close_to_double_beyond_the_smallest_circle()
    {
        // Without the fixed minimum radius, area would be exactly proportional: (r10-14)^2 / (r5-14)^2 = 10/5.
        var r10 = ThreeCircles.Radius(10) - 14;
        var r5 = ThreeCircles.Radius(5) - 14;
        Assert.Equal(2.0, r10 * r10 / (r5 * r5), 6);
    }

    [Theory]
    [InlineData(8, 3, 1, "threat")]
    [InlineData(2, 9, 4, "drive")]
    [InlineData(1, 3, 8, "soothe")]
    [InlineData(5, 6, 4, "balanced")]
    [InlineData(2, 1, 0, "quiet")]
    [InlineData(7, 7, 1, "threat")]
    [InlineData(1, 7, 7, "drive")]
    [InlineData(3, 0, 1, "threat")]
    public void Reflection_fits_the_balance(int threat, int drive, int soothe, string expected) =>
        Assert.Equal(expected, ThreeCircles.ReflectionKey(threat, drive, soothe));

    [Fact]
    public void Every_reflection_key_has_words_in_the_content_file()
    {
        foreach (var key in new[] { "threat", "drive", "soothe", "balanced", "quiet" })
        {
            Assert.False(string.IsNullOrWhiteSpace(_emotions.Reflections[key]));
        }
    }

    [Fact]
    public void Picture_names_each_system_beside_its_number_and_describes_itself()
    {
        var svg = ThreeCircles.Render(7, 3, 2, "c").ToString()!;

        Assert.Contains("""role="img" aria-labelledby="c-title c-desc""", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"c-desc\">Threat 7 out of 10, drive 3 out of 10, soothe 2 out of 10.</desc>", svg, StringComparison.Ordinal);
        Assert.Contains("Threat <tspan class=\"circle-value\">7</tspan>", svg, StringComparison.Ordinal);
        Assert.Contains("Drive <tspan class=\"circle-value\">3</tspan>", svg, StringComparison.Ordinal);
        Assert.Contains("Soothe <tspan class=\"circle-value\">2</tspan>", svg, StringComparison.Ordinal);
        // Largest drawn first so the smaller circles stay visible on top.
        Assert.True(svg.IndexOf("circle-threat", StringComparison.Ordinal) < svg.IndexOf("circle-drive", StringComparison.Ordinal));
        Assert.True(svg.IndexOf("circle-drive", StringComparison.Ordinal) < svg.IndexOf("circle-soothe", StringComparison.Ordinal));
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }

    [Theory]
    // Radius 14 at 0 and 31.7 at 1 (14 + 56 x sqrt(0.1)), 70 at 10; threat's centre is at y 100, drive's at 200.
    [InlineData("threat", 1, 58.3)]
    [InlineData("threat", 10, 20)]
    [InlineData("drive", 0, 236)]
    [InlineData("soothe", 10, 292)]
    public void Each_label_sits_just_beyond_its_own_circle(string system, int rating, double baseline) =>
        Assert.Equal(baseline, ThreeCircles.LabelY(system, rating), 1);

    [Fact]
    public void A_small_threat_circle_has_its_label_close_above_it()
    {
        var svg = ThreeCircles.Render(1, 5, 5, "c").ToString()!;

        Assert.Contains("""<text class="circle-label" x="160" y="58.3" text-anchor="middle">Threat""", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Emotion_catalog_groups_a_short_list_by_system()
    {
        Assert.Equal(["threat", "drive", "soothe"], _emotions.Systems.Select(s => s.Id));
        Assert.All(_emotions.Systems, s => Assert.InRange(s.Emotions.Count, 4, 8));
        Assert.True(_emotions.IsKnown("on-edge"));
        Assert.False(_emotions.IsKnown("On edge"));
        Assert.Equal("soothe", _emotions.Find("cared-for")!.SystemId);
    }

    [Fact]
    public void Guilt_is_not_filed_under_threat_and_restlessness_is()
    {
        // Lesson 06: guilt is care-focused and leads to repair; restlessness is anxiety, not drive.
        Assert.NotEqual("threat", _emotions.Find("guilty")!.SystemId);
        Assert.Equal("threat", _emotions.Find("restless")!.SystemId);
        Assert.Equal("threat", _emotions.Find("ashamed")!.SystemId);
    }
}
