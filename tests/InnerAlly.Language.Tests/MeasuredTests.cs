using InnerAlly.Language.Evaluation;
using InnerAlly.Language.Heads;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Tests;

/// <summary>The goals issue 5 sets, checked on the development sets on every run.</summary>
public class MeasuredTests
{
    private static readonly Lazy<Evaluations.RiskReport> Risk = new(() =>
        Evaluations.Risk(Engine.Instance, Path.Combine(Engine.LanguageData("Development"), "risk-dev.jsonl")));

    [Fact]
    public void Risk_to_self_recall_on_the_development_set_meets_its_goal() =>
        Assert.True(Risk.Value.Recall[RiskCategories.Self] >= Evaluations.Goals.SelfRecall, $"recall {Risk.Value.Recall[RiskCategories.Self]:F3}");

    [Fact]
    public void Harm_from_others_recall_on_the_development_set_meets_its_goal() =>
        Assert.True(Risk.Value.Recall[RiskCategories.FromOthers] >= Evaluations.Goals.FromOthersRecall, $"recall {Risk.Value.Recall[RiskCategories.FromOthers]:F3}");

    [Fact]
    public void Risk_to_others_recall_on_the_development_set_meets_its_goal() =>
        Assert.True(Risk.Value.Recall[RiskCategories.ToOthers] >= Evaluations.Goals.ToOthersRecall, $"recall {Risk.Value.Recall[RiskCategories.ToOthers]:F3}");

    [Fact]
    public void Self_harm_on_the_development_set_is_never_read_as_risk_to_others()
    {
        var selfHarm = LabelledData.Risk(Path.Combine(Engine.LanguageData("Development"), "risk-dev.jsonl"))
            .Where(l => l.Risk == RiskCategories.Self && l.Kind is "self_harm" or "self-harm")
            .Select(l => l.Text)
            .ToList();

        Assert.NotEmpty(selfHarm);
        Assert.DoesNotContain(selfHarm, t => Engine.Instance.Analyze(t, TestContext.Current.CancellationToken).Risk.Category == RiskCategories.ToOthers);
    }

    [Fact]
    public void Every_robustness_case_passes()
    {
        var failed = Evaluations.Robustness(Engine.Instance).Where(c => !c.Passed).Select(c => c.Name + ": " + c.Detail).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    [Fact]
    public void The_development_sets_share_no_sentence_with_the_training_sets()
    {
        static string Key(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        var training = Path.Combine(Engine.LanguageData("Training"));
        var trainingTexts = LabelledData.Risk(Path.Combine(training, Trainer.RiskFile)).Select(l => l.Text)
            .Concat(LabelledData.SelfCriticism(Path.Combine(training, Trainer.SelfCriticismFile)).Select(l => l.Text))
            .Concat(LabelledData.Traps(Path.Combine(training, Trainer.TrapsFile)).Select(l => l.Text))
            .Concat(File.Exists(Path.Combine(training, Trainer.SelfCriticismMoreFile)) ? LabelledData.SelfCriticism(Path.Combine(training, Trainer.SelfCriticismMoreFile)).Select(l => l.Text) : [])
            .Concat(File.Exists(Path.Combine(training, Trainer.TrapsMoreFile)) ? LabelledData.Traps(Path.Combine(training, Trainer.TrapsMoreFile)).Select(l => l.Text) : [])
            .Select(Key).ToHashSet();
        var development = Engine.LanguageData("Development");
        var shared = LabelledData.Risk(Path.Combine(development, "risk-dev.jsonl")).Select(l => l.Text)
            .Concat(LabelledData.SelfCriticism(Path.Combine(development, "self-criticism-dev.jsonl")).Select(l => l.Text))
            .Where(t => trainingTexts.Contains(Key(t)))
            .ToList();

        Assert.Empty(shared);
    }

    [Fact]
    public void The_shipped_model_was_trained_on_the_training_files_as_they_are_now()
    {
        var model = LanguageModel.LoadEmbedded();
        Assert.True(
            Trainer.Fingerprint(Engine.LanguageData("Training")) == model.TrainingDataSha256,
            "Training/ changed since Model/heads.json was trained: run `dotnet run --project src/InnerAlly -- train-language` and commit the result.");
    }

    [Fact]
    public void The_shipped_model_was_trained_on_the_embeddings_the_engine_makes()
    {
        var model = LanguageModel.LoadEmbedded();
        Assert.True(
            model.Embedding == Embedder.Name,
            $"Model/heads.json was trained on \"{model.Embedding}\" but the engine makes \"{Embedder.Name}\": run `dotnet run --project src/InnerAlly -- train-language` and commit the result.");
    }
}
