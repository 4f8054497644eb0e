using System.Security.Cryptography;
using InnerAlly.Language.Heads;
using InnerAlly.Language.Rules;
using InnerAlly.Language.Text;

namespace InnerAlly.Language.Training;

/// <summary>
/// Trains the three heads from Training/*.jsonl (never from Development/ or any outside
/// evaluation set) and chooses the risk thresholds by cross-validation on the same training data.
/// Deterministic: the same files give the same model on the same machine.
/// </summary>
public sealed partial class Trainer(Embedder embedder, Cues cues, TextWriter log)
{
    public const string TrapsFile = "thinking-traps.jsonl";
    public const string RiskFile = "risk.jsonl";
    public const string SelfCriticismFile = "self-criticism.jsonl";

    /// <summary>
    /// More thinking-trap lines (issue 14, 2026-12-07), read by the trap head only: the risk heads
    /// do not take them as everyday sentences, so adding them leaves the risk heads' training as it was.
    /// </summary>
    public const string TrapsMoreFile = "thinking-traps-more.jsonl";

    /// <summary>More self-criticism lines (second-person critics' voices), read by the self-criticism head only, as <see cref="TrapsMoreFile"/>.</summary>
    public const string SelfCriticismMoreFile = "self-criticism-more.jsonl";

    /// <summary>Recall each risk category must reach on held-out folds of the training data when choosing its threshold.</summary>
    public static readonly IReadOnlyDictionary<string, double> RecallTargets = new Dictionary<string, double>
    {
        [RiskCategories.Self] = 0.95,
        [RiskCategories.FromOthers] = 0.92,
        [RiskCategories.ToOthers] = 0.90,
    };

    /// <summary>L2 penalty on the heads' weights; chosen by held-out accuracy on the training data.</summary>
    public double L2 { get; init; } = DefaultL2;

    public const double DefaultL2 = 1e-4;
    private const int Folds = 5;

    public LanguageModel Train(string trainingFolder)
    {
        var traps = LabelledData.Traps(Path.Combine(trainingFolder, TrapsFile));
        var risk = LabelledData.Risk(Path.Combine(trainingFolder, RiskFile));
        var selfCriticism = LabelledData.SelfCriticism(Path.Combine(trainingFolder, SelfCriticismFile));
        var trapsMore = File.Exists(Path.Combine(trainingFolder, TrapsMoreFile)) ? LabelledData.Traps(Path.Combine(trainingFolder, TrapsMoreFile)) : [];
        var selfCriticismMore = File.Exists(Path.Combine(trainingFolder, SelfCriticismMoreFile)) ? LabelledData.SelfCriticism(Path.Combine(trainingFolder, SelfCriticismMoreFile)) : [];
        log.WriteLine($"Read {traps.Count} thinking-trap, {risk.Count} risk and {selfCriticism.Count} self-criticism lines; {trapsMore.Count} more trap and {selfCriticismMore.Count} more self-criticism lines for their own heads only.");

        // Whole lines for the sentence heads (a training line is one or two sentences), split
        // sentences for the text-level trap head, exactly as analysis will see them.
        var wholeLines = risk.Select(r => r.Text).Concat(selfCriticism.Select(s => s.Text)).Concat(traps.Select(t => t.Text)).ToList();
        log.WriteLine($"Embedding {wholeLines.Count} lines and their sentences with MiniLM...");
        var lineVectors = Embed(wholeLines);

        float[] Line(int index) => Features.Sentence(lineVectors[index], cues.Read(wholeLines[index]).Values);

        // Risk is read sentence by sentence, so it is trained on sentences. Every sentence of a
        // line without risk is a "none" example: the risk lines' hard negatives, every
        // self-criticism line that is not self-hatred, and every thinking-trap line (hated-self
        // lines are left out: some sit close to self-harm and should not teach that such words
        // are safe). A risky line of one sentence is a risky example; in a risky line of several
        // sentences only one may carry the risk ("Nice dinner. Then I looked up the train times
        // again."), so a first model picks the likeliest sentence and only that one is used.
        SoftmaxHead riskHead, literalHead, secondHead;
        Dictionary<string, double> thresholds;
        if (KeepRiskFrom is { } kept)
        {
            // The risk heads of a model trained on the same risk inputs, kept exactly (the extra
            // files above are not risk inputs), so changing the other heads cannot move risk.
            if (kept.Embedding != Embedder.Name || !kept.Cues.SequenceEqual(cues.FeatureNames) || kept.Second is null)
            {
                throw new InvalidDataException("The model to keep the risk heads from was trained on other embeddings or cues.");
            }

            (riskHead, literalHead, secondHead, thresholds) = (kept.Risk, kept.Literal, kept.Second, new Dictionary<string, double>(kept.RiskThresholds));
            log.WriteLine("Risk heads, thresholds and second stage kept from the given model (not retrained).");
        }
        else
        {
            var riskSources = risk.Select(r => (r.Text, Label: LabelledData.IndexOf(RiskCategories.All, r.Risk), Figurative: r.Risk == RiskCategories.None && FigurativeKinds.Contains(r.Kind ?? string.Empty)))
                .Concat(selfCriticism.Where(l => l.Form != SelfCriticismForms.Hated).Select(l => (l.Text, Label: 0, Figurative: false)))
                .Concat(traps.Select(t => (t.Text, Label: 0, Figurative: false)))
                .ToList();
            var riskSentences = riskSources.Select(r => Sentences.Split(r.Text).Select(x => x.Text).DefaultIfEmpty(r.Text).ToList()).ToList();
            var riskVectors = Embed([.. riskSentences.SelectMany(x => x)]);
            var sentenceFeatures = new List<List<(float[] X, Rules.SentenceCues Cues, string Text)>>();
            var at = 0;
            foreach (var sentences in riskSentences)
            {
                sentenceFeatures.Add([.. sentences.Select((text, k) =>
                {
                    var c = cues.Read(text);
                    return (Features.Sentence(riskVectors[at + k], c.Values), c, text);
                })]);
                at += sentences.Count;
            }

            var riskX = new List<float[]>();
            var riskY = new List<int>();
            var riskCues = new List<Rules.SentenceCues>();
            var riskTexts = new List<string>();
            var riskNeighbours = new List<float[]>();
            float[] NeighboursOf(int line, int k) => SecondReads.Neighbours([.. sentenceFeatures[line].Select(f => f.X)], k);
            var figurative = new List<bool>();
            var hardNegatives = 0;
            var pending = new List<int>();
            for (var i = 0; i < riskSources.Count; i++)
            {
                var label = riskSources[i].Label;
                if (label != 0 && sentenceFeatures[i].Count > 1)
                {
                    pending.Add(i);
                    continue;
                }

                for (var k = 0; k < sentenceFeatures[i].Count; k++)
                {
                    var (features, c, text) = sentenceFeatures[i][k];
                    riskX.Add(features);
                    riskY.Add(label);
                    riskCues.Add(c);
                    riskTexts.Add(text);
                    riskNeighbours.Add(NeighboursOf(i, k));
                    figurative.Add(riskSources[i].Figurative);
                    hardNegatives += i < risk.Count && label == 0 ? 1 : 0;
                }
            }

            var first = TrainBalanced(RiskCategories.All, [.. riskX.Where((_, k) => !figurative[k])], OneHot([.. riskY.Where((_, k) => !figurative[k])], 4));
            foreach (var i in pending)
            {
                var chosen = Enumerable.Range(0, sentenceFeatures[i].Count).MaxBy(k => RiskOf(sentenceFeatures[i][k]));
                double RiskOf((float[] X, Rules.SentenceCues Cues, string Text) f) => f.Cues.StrongRisk is not null ? 2 : 1 - first.Predict(f.X)[0];
                var (features, c, text) = sentenceFeatures[i][chosen];
                riskX.Add(features);
                riskY.Add(riskSources[i].Label);
                riskCues.Add(c);
                riskTexts.Add(text);
                riskNeighbours.Add(NeighboursOf(i, chosen));
                figurative.Add(false);
            }

            log.WriteLine($"Risk examples: {riskX.Count} sentences ({pending.Count} chosen from risky lines of several sentences).");
            log.WriteLine("Training the risk head and choosing thresholds by 5-fold cross-validation...");
            (riskHead, literalHead) = TrainRisk(riskX, riskY, figurative, Enumerable.Range(0, riskX.Count));
            (thresholds, secondHead) = ChooseThresholds(riskX, riskY, hardNegatives, riskCues, figurative, riskTexts, riskHead, riskNeighbours);
        }

        var scMoreVectors = Embed([.. selfCriticismMore.Select(l => l.Text)]);
        var scX = Enumerable.Range(0, selfCriticism.Count).Select(i => Line(risk.Count + i))
            .Concat(selfCriticismMore.Select((l, i) => Features.Sentence(scMoreVectors[i], cues.Read(l.Text).Values)))
            .ToList();
        var scY = selfCriticism.Concat(selfCriticismMore).Select(s => LabelledData.IndexOf(SelfCriticismForms.All, s.Form)).ToList();

        var (trapX, trapTargets) = TrapExamples([.. traps, .. trapsMore], TrapReads);
        log.WriteLine($"Thinking-trap examples: {trapX.Count} ({TrapReads}).");

        log.WriteLine("Training the self-criticism head...");
        var scTargets = OneHot(scY, 3);
        if (CrossValidateAll)
        {
            log.WriteLine($"  held-out accuracy {HeldOutAccuracy(SelfCriticismForms.All, scX, scTargets):F3}");
        }

        var scHead = TrainBalanced(SelfCriticismForms.All, scX, scTargets);
        log.WriteLine("Training the thinking-trap head...");
        if (CrossValidateAll)
        {
            log.WriteLine($"  held-out accuracy (top class among the line's labels) {HeldOutAccuracy(ThinkingTraps.Classes, trapX, trapTargets):F3}");
        }

        var trapHead = TrainBalanced(ThinkingTraps.Classes, trapX, Smooth(trapTargets, TrapSmoothing), TrapL2);
        if (TrapProbe is not null)
        {
            ReportTrapProbe(trapHead, TrapProbe);
        }

        return new LanguageModel
        {
            Version = 1,
            Embedding = Embedder.Name,
            Cues = cues.FeatureNames,
            TrainingDataSha256 = Fingerprint(trainingFolder),
            TrainingCounts = new Dictionary<string, int>
            {
                ["thinkingTraps"] = traps.Count + trapsMore.Count,
                ["risk"] = risk.Count,
                ["selfCriticism"] = selfCriticism.Count + selfCriticismMore.Count,
            },
            Risk = riskHead,
            Literal = literalHead,
            Second = secondHead,
            SecondReads = KeepRiskFrom is { } keptModel ? keptModel.SecondReads : SecondInput == SecondReads.Sentence ? null : SecondInput,
            RiskThresholds = thresholds,
            SelfCriticism = scHead,
            SelfCriticismThreshold = 0.5,
            Traps = trapHead,
        };
    }

    /// <summary>
    /// Embeddings of texts seen before come from a cache file when one is given (obj/ by default
    /// from the command), so retraining after changing a head or a cue takes seconds, not minutes.
    /// </summary>
    public string? CachePath { get; init; }

    /// <summary>Also report held-out accuracy for the self-criticism and trap heads (slower).</summary>
    public bool CrossValidateAll { get; init; }

    private EmbeddingCache? _embeddings;

    private float[][] Embed(List<string> texts) => (_embeddings ??= new EmbeddingCache(embedder, CachePath)).Embed(texts);

    /// <summary>SHA-256 over the three training files, in a fixed order, with line endings made plain.</summary>
    public static string Fingerprint(string trainingFolder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { TrapsFile, RiskFile, SelfCriticismFile, TrapsMoreFile, SelfCriticismMoreFile })
        {
            if (file is TrapsMoreFile or SelfCriticismMoreFile && !File.Exists(Path.Combine(trainingFolder, file)))
            {
                continue;
            }

            var text = File.ReadAllText(Path.Combine(trainingFolder, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n" + text));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
