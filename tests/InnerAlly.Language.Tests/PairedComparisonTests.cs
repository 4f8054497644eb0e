using InnerAlly.Language.Evaluation;

namespace InnerAlly.Language.Tests;

/// <summary>evaluate --against: two models compared text by text, and the exact McNemar test that tells a gain from noise.</summary>
public class PairedComparisonTests
{
    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(1, 0, 1.0)]
    [InlineData(5, 0, 0.0625)]
    [InlineData(4, 2, 0.6875)]
    [InlineData(10, 0, 0.001953125)]
    public void McNemar_is_the_exact_two_sided_binomial_tail(int b, int c, double p)
    {
        Assert.Equal(p, Evaluations.McNemar(b, c), 9);
        Assert.Equal(p, Evaluations.McNemar(c, b), 9);
    }

    [Fact]
    public void Paired_counts_each_text_once_by_what_each_model_said()
    {
        (bool Risky, bool Notice, string Kind)[] before = [(false, true, "idiom"), (false, true, "past"), (false, false, "idiom"), (true, true, "veiled"), (true, false, "plan")];
        (bool Risky, bool Notice, string Kind)[] after = [(false, true, "idiom"), (false, false, "past"), (false, true, "idiom"), (true, false, "veiled"), (true, false, "plan")];

        var paired = Evaluations.Paired(before, after);

        Assert.Equal((1, 1, 1, 0), (paired.Ordinary.Both, paired.Ordinary.OnlyBaseline, paired.Ordinary.OnlyCandidate, paired.Ordinary.Neither));
        Assert.Equal((0, 1, 0, 1), (paired.Risky.Both, paired.Risky.OnlyBaseline, paired.Risky.OnlyCandidate, paired.Risky.Neither));
        Assert.Equal(1.0, paired.Ordinary.McNemarP, 9);
        Assert.Equal(("past 1", "idiom 1", "veiled 1"), (paired.Ordinary.LostKinds, paired.Ordinary.GainedKinds, paired.Risky.LostKinds));
    }

    [Fact]
    public void Saved_outcomes_read_back_as_written_and_hold_no_text()
    {
        (bool Risky, bool Notice, string Kind)[] outcomes = [(false, true, "idiom"), (true, false, "veiled"), (true, true, "plan_means"), (false, false, "ordinary")];
        var path = Path.Combine(Path.GetTempPath(), $"innerally-outcomes-{Guid.NewGuid():N}.tsv");
        try
        {
            Evaluations.SaveOutcomes(path, outcomes);

            Assert.Equal(outcomes, Evaluations.LoadOutcomes(path));
            Assert.Equal(["0\t1\tidiom", "1\t0\tveiled", "1\t1\tplan_means", "0\t0\tordinary"], File.ReadAllLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raised_bars_give_the_fewest_false_alarms_that_still_find_as_many_at_risk()
    {
        (string, double)[] scores = [("self", 0.9), ("self", 0.4), ("self", 0.12), ("from_others", 0.3), ("none", 0.5), ("none", 0.2), ("none", 0.11), ("none", 0.0), ("self", 0.0)];

        var points = Evaluations.RaisedBars(scores);

        Assert.Equal(new Evaluations.BarPoint(0.11, 3, 1, 0, 3), points[0]);
        Assert.Equal(new Evaluations.BarPoint(0.12, 3, 1, 0, 2), Evaluations.AtSelfFound(points, 3));
        Assert.Equal(new Evaluations.BarPoint(0.4, 2, 0, 0, 1), Evaluations.AtSelfFound(points, 2));
        Assert.Equal(new Evaluations.BarPoint(0.9, 1, 0, 0, 0), Evaluations.AtSelfFound(points, 1));
        Assert.Null(Evaluations.AtSelfFound(points, 4));
    }
}
