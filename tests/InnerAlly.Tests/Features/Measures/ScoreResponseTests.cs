using InnerAlly.Features.Measures;
using static InnerAlly.Tests.Features.Measures.Instruments;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>Every shipped instrument scored against values worked out by hand from INSTRUMENTS.md.</summary>
public sealed class ScoreResponseTests
{
    private static ScoreResponse.Scores Scored(Instrument instrument, Dictionary<string, int?> answers) =>
        ScoreResponse.Score(instrument, answers) ?? throw new InvalidOperationException("Expected the response to be scored.");

    [Fact]
    public void Phq9_all_lowest_is_0_minimal_and_all_highest_is_27_severe()
    {
        var lowest = Scored(Phq9, Answers(0, 0, 0, 0, 0, 0, 0, 0, 0));
        var highest = Scored(Phq9, Answers(3, 3, 3, 3, 3, 3, 3, 3, 3));

        Assert.Equal(0m, lowest.Total!.Value);
        Assert.Equal("Minimal", lowest.Total.Band!.Label);
        Assert.False(lowest.Total.InClinicalRange);
        Assert.Equal(27m, highest.Total!.Value);
        Assert.Equal("Severe", highest.Total.Band!.Label);
        Assert.True(highest.Total.InClinicalRange);
        Assert.False(highest.Prorated);
    }

    [Fact]
    public void Phq9_mixed_pattern_adds_up_by_hand()
    {
        // 1 + 2 + 0 + 3 + 1 + 2 + 0 + 1 + 2 = 12
        var scores = Scored(Phq9, Answers(1, 2, 0, 3, 1, 2, 0, 1, 2));

        Assert.Equal(12m, scores.Total!.Value);
        Assert.Equal("Moderate", scores.Total.Band!.Label);
    }

    [Theory]
    [InlineData(4, "Minimal", false)]
    [InlineData(5, "Mild", false)]
    [InlineData(9, "Mild", false)]
    [InlineData(10, "Moderate", true)]
    [InlineData(14, "Moderate", true)]
    [InlineData(15, "Moderately severe", true)]
    [InlineData(19, "Moderately severe", true)]
    [InlineData(20, "Severe", true)]
    public void Phq9_band_edges_and_the_cutoff_of_10(int total, string band, bool clinical)
    {
        var scores = Scored(Phq9, AnswersSummingTo(Phq9, total));

        Assert.Equal(total, scores.Total!.Value);
        Assert.Equal(band, scores.Total.Band!.Label);
        Assert.Equal(clinical, scores.Total.InClinicalRange);
    }

    [Fact]
    public void Gad7_all_lowest_is_0_and_all_highest_is_21_severe()
    {
        Assert.Equal(0m, Scored(Gad7, Answers(0, 0, 0, 0, 0, 0, 0)).Total!.Value);
        var highest = Scored(Gad7, Answers(3, 3, 3, 3, 3, 3, 3)).Total!;
        Assert.Equal(21m, highest.Value);
        Assert.Equal("Severe", highest.Band!.Label);
        // 2 + 0 + 1 + 3 + 0 + 1 + 2 = 9
        Assert.Equal(9m, Scored(Gad7, Answers(2, 0, 1, 3, 0, 1, 2)).Total!.Value);
    }

    [Theory]
    [InlineData(4, "Minimal", false)]
    [InlineData(5, "Mild", false)]
    [InlineData(7, "Mild", false)]
    [InlineData(8, "Mild", true)]
    [InlineData(9, "Mild", true)]
    [InlineData(10, "Moderate", true)]
    [InlineData(14, "Moderate", true)]
    [InlineData(15, "Severe", true)]
    public void Gad7_band_edges_and_the_cutoff_of_8(int total, string band, bool clinical)
    {
        var scores = Scored(Gad7, AnswersSummingTo(Gad7, total));

        Assert.Equal(total, scores.Total!.Value);
        Assert.Equal(band, scores.Total.Band!.Label);
        Assert.Equal(clinical, scores.Total.InClinicalRange);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, 0, "Suggests likely depression", true)]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, 100, "Adequate well-being", false)]
    [InlineData(new[] { 2, 2, 1, 1, 1 }, 28, "Suggests likely depression", true)] // raw 7 × 4
    [InlineData(new[] { 2, 2, 2, 1, 1 }, 32, "Suggests poor well-being", true)] // raw 8 × 4
    [InlineData(new[] { 3, 3, 2, 2, 2 }, 48, "Suggests poor well-being", true)] // raw 12 × 4
    [InlineData(new[] { 3, 4, 2, 3, 1 }, 52, "Adequate well-being", false)] // raw 13 × 4
    public void Who5_raw_score_times_4_against_50_and_28(int[] answers, int expected, string band, bool atOrBelow50)
    {
        var scores = Scored(Who5, Answers([.. answers.Select(a => (int?)a)]));

        Assert.Equal(expected, scores.Total!.Value);
        Assert.Equal(band, scores.Total.Band!.Label);
        Assert.Equal(atOrBelow50, scores.Total.InClinicalRange);
    }

    [Theory]
    [InlineData(28, "Suggests likely depression")]
    [InlineData(29, "Suggests poor well-being")]
    [InlineData(50, "Suggests poor well-being")]
    [InlineData(51, "Adequate well-being")]
    public void Who5_bands_meet_at_28_and_50(int score, string band)
    {
        Assert.Equal(band, Who5.Total!.BandFor(score)!.Label);
        Assert.Equal(score <= 50, Who5.Total.IsInClinicalRange(score));
    }

    [Fact]
    public void ScsSf_reverses_the_six_negative_items_so_all_lowest_and_all_highest_both_mean_3()
    {
        // Items 1, 4, 8, 9, 11 and 12 are reversed (6 − answer): all 1s give six 5s and six 1s, 36 / 12 = 3.
        Assert.Equal(3.00m, Scored(ScsSf, Answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).Total!.Value);
        Assert.Equal(3.00m, Scored(ScsSf, Answers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).Total!.Value);
    }

    [Fact]
    public void ScsSf_least_and_most_self_compassionate_answers_are_1_and_5()
    {
        var least = Scored(ScsSf, Answers(5, 1, 1, 5, 1, 1, 1, 5, 5, 1, 5, 5)).Total!;
        var most = Scored(ScsSf, Answers(1, 5, 5, 1, 5, 5, 5, 1, 1, 5, 1, 1)).Total!;

        Assert.Equal(1.00m, least.Value);
        Assert.Equal("Low", least.Band!.Label);
        Assert.Equal(5.00m, most.Value);
        Assert.Equal("High", most.Band!.Label);
        Assert.Null(most.InClinicalRange);
    }

    [Fact]
    public void ScsSf_mixed_pattern_total_is_the_mean_with_reversal_and_subscales_use_the_answers_as_given()
    {
        // Answers 4,3,4,2,3,3,4,2,4,3,2,1. Reversed items 1,4,8,9,11,12 score 2,4,4,2,4,5 (21);
        // the others 3,4,3,3,4,3 (20). Total 41 / 12 = 3.4166... → 3.42.
        var scores = Scored(ScsSf, Answers(4, 3, 4, 2, 3, 3, 4, 2, 4, 3, 2, 1));

        Assert.Equal(3.42m, scores.Total!.Value);
        Assert.Equal("Moderate", scores.Total.Band!.Label);
        var subscales = scores.Subscales.ToDictionary(s => s.Subscale.Code, s => s.Score.Value);
        Assert.Equal(3.00m, subscales["SK"]); // items 2, 6: (3 + 3) / 2
        Assert.Equal(1.50m, subscales["SJ"]); // items 11, 12: (2 + 1) / 2, as answered
        Assert.Equal(3.00m, subscales["CH"]); // items 5, 10
        Assert.Equal(2.00m, subscales["I"]); // items 4, 8
        Assert.Equal(4.00m, subscales["M"]); // items 3, 7
        Assert.Equal(4.00m, subscales["OI"]); // items 1, 9
        Assert.All(scores.Subscales, s => Assert.True(s.Subscale.ClinicianOnly));
    }

    [Theory]
    [InlineData(29, 2.42, "Low")] // 29 / 12 = 2.4166...
    [InlineData(30, 2.50, "Moderate")]
    [InlineData(42, 3.50, "Moderate")]
    [InlineData(43, 3.58, "High")] // 43 / 12 = 3.5833...
    public void ScsSf_band_edges_at_2_5_and_3_5(int scoredSum, double expected, string band)
    {
        var values = Enumerable.Repeat(1, 12).ToArray();
        for (var left = scoredSum - 12; left > 0; left--)
        {
            values[Array.FindIndex(values, v => v < 5)]++;
        }

        var total = Scored(ScsSf, ScsSfScoredAs(values)).Total!;

        Assert.Equal((decimal)expected, total.Value);
        Assert.Equal(band, total.Band!.Label);
    }

    [Fact]
    public void An_incomplete_response_is_never_scored_and_says_which_items_are_missing()
    {
        var answers = Answers(1, 2, null, 3, 1, 2, 0, 1, 2);

        Assert.Null(ScoreResponse.Score(Phq9, answers));
        var errors = ScoreResponse.Check(Phq9, answers, draft: false);
        Assert.Equal(["answers.3"], errors.Keys);
        Assert.Contains("draft", errors["answers.3"][0], StringComparison.Ordinal);
        Assert.Empty(ScoreResponse.Check(Phq9, answers, draft: true));
    }

    [Fact]
    public void Unknown_items_and_values_that_are_not_options_are_named()
    {
        var answers = new Dictionary<string, int?> { ["1"] = 4, ["10"] = 1, ["difficulty"] = 3 };

        var errors = ScoreResponse.Check(Phq9, answers, draft: true);

        Assert.Equal(["answers.1", "answers.10"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("0, 1, 2 or 3", errors["answers.1"][0], StringComparison.Ordinal);
        Assert.Contains("no item \"10\"", errors["answers.10"][0], StringComparison.Ordinal);
        Assert.Contains("takes 5, 4, 3, 2, 1 or 0; 6 is not", ScoreResponse.Check(Who5, Answers(6), draft: true)["answers.1"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_phq9_follow_up_question_is_optional_and_never_scored()
    {
        var withDifficulty = Answers(1, 1, 1, 1, 1, 1, 1, 1, 1);
        withDifficulty["difficulty"] = 3;

        Assert.Equal(9m, Scored(Phq9, withDifficulty).Total!.Value);
        Assert.Equal(9m, Scored(Phq9, Answers(1, 1, 1, 1, 1, 1, 1, 1, 1)).Total!.Value);
    }

    [Fact]
    public void Phq9_item_9_above_not_at_all_is_a_safety_answer_and_0_is_not()
    {
        Assert.Empty(ScoreResponse.SafetyTriggered(Phq9, Answers(3, 3, 3, 3, 3, 3, 3, 3, 0)));
        var triggered = Assert.Single(ScoreResponse.SafetyTriggered(Phq9, Answers(0, 0, 0, 0, 0, 0, 0, 0, 1)));
        Assert.Equal("self", triggered.Category);
        Assert.Single(ScoreResponse.SafetyTriggered(Phq9, new Dictionary<string, int?> { ["9"] = 2 }));
    }
}
