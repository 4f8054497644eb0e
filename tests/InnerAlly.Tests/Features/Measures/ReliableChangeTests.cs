using InnerAlly.Features.Measures;
using static InnerAlly.Tests.Features.Measures.Instruments;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>Reliable and clinically significant change at and around every threshold.</summary>
public sealed class ReliableChangeTests
{
    [Theory]
    [InlineData(18, 12, "improvement")] // a fall of exactly 6
    [InlineData(18, 13, "none")] // 5: just under
    [InlineData(18, 11, "improvement")] // 7: just over
    [InlineData(10, 16, "deterioration")] // a rise of exactly 6
    [InlineData(10, 15, "none")]
    [InlineData(10, 17, "deterioration")]
    [InlineData(9, 9, "none")]
    public void Phq9_reliable_change_is_6_points(int from, int to, string expected)
    {
        var change = ScoreResponse.Compare(Phq9.Total!, from, to);

        Assert.Equal(expected, change.Reliable);
        Assert.Equal(to - from, change.Difference);
        Assert.Null(change.Index);
    }

    [Theory]
    [InlineData(15, 9, "improvement")] // reliable, and from at or above 10 to below it
    [InlineData(14, 8, "improvement")]
    [InlineData(20, 14, "none")] // reliable, still at or above 10
    [InlineData(12, 7, "none")] // crosses 10, but 5 is not a reliable change
    [InlineData(9, 3, "none")] // reliable, but never at or above 10
    [InlineData(4, 10, "deterioration")] // reliable rise from below 10 to 10
    [InlineData(3, 9, "none")] // reliable rise that stays below 10
    public void Phq9_clinically_significant_change_crosses_10_with_reliable_change(int from, int to, string expected)
    {
        Assert.Equal(expected, ScoreResponse.Compare(Phq9.Total!, from, to).ClinicallySignificant);
    }

    [Theory]
    [InlineData(10, 6, "improvement", "improvement")] // 4 exactly, and 10 → 6 crosses 8
    [InlineData(10, 7, "none", "none")] // 3: just under
    [InlineData(12, 7, "improvement", "improvement")] // 5: just over
    [InlineData(15, 11, "improvement", "none")] // reliable, still at or above 8
    [InlineData(4, 8, "deterioration", "deterioration")]
    [InlineData(5, 8, "none", "none")]
    public void Gad7_reliable_change_is_4_points_and_the_cutoff_8(int from, int to, string reliable, string clinical)
    {
        var change = ScoreResponse.Compare(Gad7.Total!, from, to);

        Assert.Equal(reliable, change.Reliable);
        Assert.Equal(clinical, change.ClinicallySignificant);
    }

    [Theory]
    [InlineData(40, 50, "improvement", "none")] // higher is better; 10 exactly, still at or below 50
    [InlineData(40, 48, "none", "none")] // 8: under (scores move in fours)
    [InlineData(44, 56, "improvement", "improvement")] // 12, and from at or below 50 to above it
    [InlineData(60, 52, "none", "none")]
    [InlineData(60, 48, "deterioration", "deterioration")]
    [InlineData(64, 52, "deterioration", "none")]
    public void Who5_meaningful_change_is_10_points_and_higher_is_better(int from, int to, string reliable, string clinical)
    {
        var change = ScoreResponse.Compare(Who5.Total!, from, to);

        Assert.Equal(reliable, change.Reliable);
        Assert.Equal(clinical, change.ClinicallySignificant);
    }

    [Fact]
    public void ScsSf_has_no_published_reliable_change_figure_so_only_the_difference_is_given()
    {
        var change = ScoreResponse.Compare(ScsSf.Total!, 2.50m, 3.75m);

        Assert.Equal(1.25m, change.Difference);
        Assert.Null(change.Reliable);
        Assert.Null(change.ClinicallySignificant);
    }

    /// <summary>SD 5 and reliability 0.5 make the standard error of the difference 5 × √2 × √0.5 = 5.</summary>
    private static readonly Scale JacobsonTruax = new()
    {
        Method = Scale.Sum,
        ReliableChange = new ReliableChange(null, 5, 0.5),
        Cutoff = new Cutoff(20, "20"),
    };

    [Theory]
    [InlineData(25, 15, -2.0, "improvement", "improvement")] // RCI −10 / 5 = −2.0, and from at or above 20 to below it
    [InlineData(30, 20, -2.0, "improvement", "none")] // reliable, but 20 is still at the cut-off
    [InlineData(30, 20.2, -1.96, "none", "none")] // exactly 1.96 is not above 1.96
    [InlineData(30, 20.15, -1.97, "improvement", "none")] // just over
    [InlineData(30, 20.25, -1.95, "none", "none")] // just under
    [InlineData(10, 19.85, 1.97, "deterioration", "none")] // a reliable rise that stays below 20
    [InlineData(10, 20, 2.0, "deterioration", "deterioration")]
    public void Jacobson_truax_index_is_reliable_above_1_96(double from, double to, double index, string reliable, string clinical)
    {
        var change = ScoreResponse.Compare(JacobsonTruax, (decimal)from, (decimal)to);

        Assert.Equal(index, change.Index!.Value, 6);
        Assert.Equal(reliable, change.Reliable);
        Assert.Equal(clinical, change.ClinicallySignificant);
    }

    [Fact]
    public void The_standard_error_of_the_difference_follows_jacobson_and_truax()
    {
        // 4 × √2 × √(1 − 0.82) = 4 × √0.36 = 2.4
        Assert.Equal(2.4, new ReliableChange(null, 4, 0.82).StandardErrorOfDifference!.Value, 10);
    }
}
