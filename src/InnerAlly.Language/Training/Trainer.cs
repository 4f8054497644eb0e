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
public sealed class Trainer(Embedder embedder, Cues cues, TextWriter log)
{
    public const string TrapsFile = "thinking-traps.jsonl";
    public const string RiskFile = "risk.jsonl";
    public const string SelfCriticismFile = "self-criticism.jsonl";

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
        log.WriteLine($"Read {traps.Count} thinking-trap, {risk.Count} risk and {selfCriticism.Count} self-criticism lines.");

        // Whole lines for the sentence heads (a training line is one or two sentences), split
        // sentences for the text-level trap head, exactly as analysis will see them.
        var trapSpans = traps.Select(t => Sentences.Split(t.Text).Select(s => s.Text).DefaultIfEmpty(t.Text).ToList()).ToList();
        var wholeLines = risk.Select(r => r.Text).Concat(selfCriticism.Select(s => s.Text)).Concat(traps.Select(t => t.Text)).ToList();
        var spanTexts = trapSpans.SelectMany(s => s).ToList();
        log.WriteLine($"Embedding {wholeLines.Count + spanTexts.Count} texts with MiniLM...");
        var lineVectors = Embed(wholeLines);
        var spanVectors = Embed(spanTexts);

        float[] Line(int index) => Features.Sentence(lineVectors[index], cues.Read(wholeLines[index]).Values);

        // Risk is read sentence by sentence, so it is trained on sentences. Every sentence of a
        // line without risk is a "none" example: the risk lines' hard negatives, every
        // self-criticism line that is not self-hatred, and every thinking-trap line (hated-self
        // lines are left out: some sit close to self-harm and should not teach that such words
        // are safe). A risky line of one sentence is a risky example; in a risky line of several
        // sentences only one may carry the risk ("Nice dinner. Then I looked up the train times
        // again."), so a first model picks the likeliest sentence and only that one is used.
        var riskSources = risk.Select(r => (r.Text, Label: Index(RiskCategories.All, r.Risk), Figurative: r.Risk == RiskCategories.None && FigurativeKinds.Contains(r.Kind ?? string.Empty)))
            .Concat(selfCriticism.Where(l => l.Form != SelfCriticismForms.Hated).Select(l => (l.Text, Label: 0, Figurative: false)))
            .Concat(traps.Select(t => (t.Text, Label: 0, Figurative: false)))
            .ToList();
        var riskSentences = riskSources.Select(r => Sentences.Split(r.Text).Select(x => x.Text).DefaultIfEmpty(r.Text).ToList()).ToList();
        var riskVectors = Embed([.. riskSentences.SelectMany(x => x)]);
        var sentenceFeatures = new List<List<(float[] X, Rules.SentenceCues Cues)>>();
        var at = 0;
        foreach (var sentences in riskSentences)
        {
            sentenceFeatures.Add([.. sentences.Select((text, k) =>
            {
                var c = cues.Read(text);
                return (Features.Sentence(riskVectors[at + k], c.Values), c);
            })]);
            at += sentences.Count;
        }

        var riskX = new List<float[]>();
        var riskY = new List<int>();
        var riskCues = new List<Rules.SentenceCues>();
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

            foreach (var (features, c) in sentenceFeatures[i])
            {
                riskX.Add(features);
                riskY.Add(label);
                riskCues.Add(c);
                figurative.Add(riskSources[i].Figurative);
                hardNegatives += i < risk.Count && label == 0 ? 1 : 0;
            }
        }

        var first = TrainBalanced(RiskCategories.All, [.. riskX.Where((_, k) => !figurative[k])], OneHot([.. riskY.Where((_, k) => !figurative[k])], 4));
        foreach (var i in pending)
        {
            var (features, c) = sentenceFeatures[i].MaxBy(RiskOf)!;
            double RiskOf((float[] X, Rules.SentenceCues Cues) f) => f.Cues.StrongRisk is not null ? 2 : 1 - first.Predict(f.X)[0];
            riskX.Add(features);
            riskY.Add(riskSources[i].Label);
            riskCues.Add(c);
            figurative.Add(false);
        }

        log.WriteLine($"Risk examples: {riskX.Count} sentences ({pending.Count} chosen from risky lines of several sentences).");

        var scX = Enumerable.Range(0, selfCriticism.Count).Select(i => Line(risk.Count + i)).ToList();
        var scY = selfCriticism.Select(s => Index(SelfCriticismForms.All, s.Form)).ToList();

        var trapX = new List<float[]>();
        var trapTargets = new List<double[]>();
        var next = 0;
        foreach (var (line, spans) in traps.Zip(trapSpans))
        {
            var vectors = spanVectors.AsSpan(next, spans.Count).ToArray();
            next += spans.Count;
            trapX.Add(Features.Text(vectors, [.. spans.Select(s => cues.Read(s).Values)]));
            var target = new double[ThinkingTraps.Classes.Count];
            IReadOnlyList<string> labels = line.Traps.Count == 0 ? [ThinkingTraps.NotDistorted] : line.Traps;
            foreach (var label in labels)
            {
                target[Index(ThinkingTraps.Classes, label)] += 1.0 / labels.Count;
            }

            trapTargets.Add(target);
        }

        log.WriteLine("Training the risk head and choosing thresholds by 5-fold cross-validation...");
        var (thresholds, secondHead) = ChooseThresholds(riskX, riskY, hardNegatives, riskCues, figurative);
        var (riskHead, literalHead) = TrainRisk(riskX, riskY, figurative, Enumerable.Range(0, riskX.Count));
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

        var trapHead = TrainBalanced(ThinkingTraps.Classes, trapX, trapTargets);

        return new LanguageModel
        {
            Version = 1,
            Embedding = Embedder.Name,
            Cues = cues.FeatureNames,
            TrainingDataSha256 = Fingerprint(trainingFolder),
            TrainingCounts = new Dictionary<string, int>
            {
                ["thinkingTraps"] = traps.Count,
                ["risk"] = risk.Count,
                ["selfCriticism"] = selfCriticism.Count,
            },
            Risk = riskHead,
            Literal = literalHead,
            Second = secondHead,
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

    private Dictionary<string, float[]>? cache;

    private sealed record CacheFile(string Embedder, Dictionary<string, float[]> Vectors);

    private float[][] Embed(List<string> texts)
    {
        if (CachePath is null)
        {
            return embedder.Embed(texts);
        }

        // Vectors from another embedder (the float model, say) would train heads the engine cannot use.
        cache ??= File.Exists(CachePath)
            && System.Text.Json.JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(CachePath)) is { } file
            && file.Embedder == Embedder.Name
                ? file.Vectors
                : [];
        var missing = texts.Where(t => !cache.ContainsKey(t)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var vectors = embedder.Embed(missing);
            for (var i = 0; i < missing.Count; i++)
            {
                cache[missing[i]] = vectors[i];
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(CachePath))!);
            File.WriteAllText(CachePath, System.Text.Json.JsonSerializer.Serialize(new CacheFile(Embedder.Name, cache)));
        }

        return [.. texts.Select(t => cache[t])];
    }

    /// <summary>SHA-256 over the three training files, in a fixed order, with line endings made plain.</summary>
    public static string Fingerprint(string trainingFolder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { TrapsFile, RiskFile, SelfCriticismFile })
        {
            var text = File.ReadAllText(Path.Combine(trainingFolder, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n" + text));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private double[][] OutOfFold(IReadOnlyList<string> classes, List<float[]> x, List<double[]> targets)
    {
        var outOfFold = new double[x.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => i % Folds != fold).ToList();
            var head = TrainBalanced(classes, [.. train.Select(i => x[i])], [.. train.Select(i => targets[i])]);
            for (var i = fold; i < x.Count; i += Folds)
            {
                outOfFold[i] = head.Predict(x[i]);
            }
        }

        return outOfFold;
    }

    private double HeldOutAccuracy(IReadOnlyList<string> classes, List<float[]> x, List<double[]> targets)
    {
        var predictions = OutOfFold(classes, x, targets);
        return Enumerable.Range(0, x.Count).Count(i => targets[i][Array.IndexOf(predictions[i], predictions[i].Max())] > 0) / (double)x.Count;
    }

    /// <summary>
    /// A sentence counts as risky when P(any risk) = 1 - P(none) reaches one threshold; the
    /// category is then the likeliest risk. The threshold is the highest that still finds, on
    /// held-out folds, the target share of each category's sentences.
    /// </summary>
    /// <summary>Kinds of written hard negatives that use risk words without present risk.</summary>
    private static readonly HashSet<string> FigurativeKinds = new(StringComparer.Ordinal) { "idiom", "negation", "past", "medical", "fiction" };

    /// <summary>
    /// Two heads: what a sentence is about (risk to self, from others, to others, or none, learnt
    /// against everyday sentences), and whether risk words in it are meant literally, now (learnt
    /// from the risky sentences against the idioms, negations, past and fiction). A sentence is
    /// risky when P(about risk) x P(literal) is high; each head has one clear job.
    /// </summary>
    private (SoftmaxHead Topic, SoftmaxHead Literal) TrainRisk(List<float[]> x, List<int> y, List<bool> figurative, IEnumerable<int> rows)
    {
        var use = rows.ToList();
        var topicRows = use.Where(i => !figurative[i]).ToList();
        var topic = TrainBalanced(RiskCategories.All, [.. topicRows.Select(i => x[i])], OneHot([.. topicRows.Select(i => y[i])], 4));
        var literalRows = use.Where(i => figurative[i] || y[i] != 0).ToList();
        var literal = TrainBalanced(LiteralClasses, [.. literalRows.Select(i => x[i])], OneHot([.. literalRows.Select(i => y[i] != 0 ? 1 : 0)], 2));
        return (topic, literal);
    }

    public static readonly IReadOnlyList<string> LiteralClasses = ["figurative", "literal"];

    /// <summary>
    /// One threshold on P(any risk) x P(literal), softened by the negation, past and idiom cues
    /// exactly as analysis does: the highest that still finds, on held-out folds, the target share
    /// of each category's sentences.
    /// </summary>
    private (Dictionary<string, double> Thresholds, SoftmaxHead Second) ChooseThresholds(List<float[]> x, List<int> y, int hardNegatives, List<Rules.SentenceCues> context, List<bool> figurative)
    {
        var strong = context.Select(c => c.StrongRisk).ToList();
        var outOfFold = new double[x.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (topic, literal) = TrainRisk(x, y, figurative, Enumerable.Range(0, x.Count).Where(i => i % Folds != fold));
            for (var i = fold; i < x.Count; i += Folds)
            {
                outOfFold[i] = (1 - topic.Predict(x[i])[0]) * literal.Predict(x[i])[1];
            }
        }

        var anyRisk = outOfFold.Select((p, i) => strong[i] is not null ? 1.0 : context[i].Adjust(p)).ToArray();
        var threshold = 0.5;
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var category = RiskCategories.All[c];
            var positives = Enumerable.Range(0, x.Count).Where(i => y[i] == c).Select(i => anyRisk[i]).OrderByDescending(p => p).ToList();
            var needed = (int)Math.Ceiling(RecallTargets[category] * positives.Count);
            threshold = Math.Min(threshold, positives[Math.Max(0, needed - 1)]);
        }

        // Below 0.1, ordinary sentences ("Long day.") start to count as risk; the floor keeps the
        // support message meaningful even where the recall target would ask for less.
        threshold = Math.Max(threshold, 0.10);
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var positives = Enumerable.Range(0, x.Count).Where(i => y[i] == c).ToList();
            log.WriteLine($"  {RiskCategories.All[c]}: held-out recall {positives.Count(i => anyRisk[i] >= threshold) / (double)positives.Count:F3}");
        }

        // The first hardNegatives "none" examples are the written hard negatives; the rest are everyday lines.
        var negatives = Enumerable.Range(0, x.Count).Where(i => y[i] == 0).ToList();
        var hard = negatives.Take(hardNegatives).Count(i => anyRisk[i] >= threshold);
        var everyday = negatives.Skip(hardNegatives).Count(i => anyRisk[i] >= threshold);
        log.WriteLine($"  threshold {threshold:F3}; held-out false alarms: {hard}/{hardNegatives} hard negatives, {everyday}/{negatives.Count - hardNegatives} everyday lines");
        var (second, secondThreshold) = TrainSecondStage(x, y, strong, anyRisk, threshold, hardNegatives);
        return (new Dictionary<string, double> { ["any"] = Math.Round(threshold, 4), ["second"] = Math.Round(secondThreshold, 4) }, second);
    }

    public static readonly IReadOnlyList<string> SecondClasses = ["unsure", "risk"];

    /// <summary>On held-out folds, the second stage may turn at most this share of the risky sentences the first stage finds into the gentle line.</summary>
    public const double SecondStageLoss = 0.02;

    /// <summary>
    /// The second stage asks again, only of the sentences the first stage flags (on held-out folds),
    /// whether they are risk: it is trained on exactly the hard negatives and hard positives the
    /// first stage confuses, in the same surface forms. A flagged sentence below its threshold brings
    /// the gentle line rather than the notice; the threshold is the highest that keeps, on held-out
    /// folds, all but <see cref="SecondStageLoss"/> of each category's flagged risky sentences.
    /// </summary>
    private (SoftmaxHead Head, double Threshold) TrainSecondStage(List<float[]> x, List<int> y, List<string?> strong, double[] anyRisk, double threshold, int hardNegatives)
    {
        var flagged = Enumerable.Range(0, x.Count).Where(i => strong[i] is null && anyRisk[i] >= threshold).ToList();
        var score = new double[x.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = flagged.Where(i => i % Folds != fold).ToList();
            var head = TrainBalanced(SecondClasses, [.. train.Select(i => x[i])], OneHot([.. train.Select(i => y[i] != 0 ? 1 : 0)], 2));
            foreach (var i in flagged.Where(i => i % Folds == fold))
            {
                score[i] = head.Predict(x[i])[1];
            }
        }

        var cut = 1.0;
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var kept = flagged.Where(i => y[i] == c).Select(i => score[i]).OrderByDescending(p => p).ToList();
            if (kept.Count > 0)
            {
                cut = Math.Min(cut, kept[Math.Max(0, (int)Math.Ceiling((1 - SecondStageLoss) * kept.Count) - 1)]);
            }
        }

        var negatives = flagged.Where(i => y[i] == 0).ToList();
        log.WriteLine($"  second stage: {flagged.Count} flagged sentences; threshold {cut:F3}; held-out, it turns {negatives.Count(i => score[i] < cut)} of {negatives.Count} flagged sentences without risk "
            + $"({negatives.Count(i => i < hardNegatives && score[i] < cut)} hard negatives) and {flagged.Count(i => y[i] != 0 && score[i] < cut)} of {flagged.Count(i => y[i] != 0)} risky ones to the gentle line");
        var all = TrainBalanced(SecondClasses, [.. flagged.Select(i => x[i])], OneHot([.. flagged.Select(i => y[i] != 0 ? 1 : 0)], 2));
        return (all, cut);
    }

    private SoftmaxHead TrainBalanced(IReadOnlyList<string> classes, IReadOnlyList<float[]> x, IReadOnlyList<double[]> targets)
    {
        // Each class weighs the same in total, however many examples it has.
        var mass = new double[classes.Count];
        foreach (var t in targets)
        {
            for (var c = 0; c < mass.Length; c++)
            {
                mass[c] += t[c];
            }
        }

        var weights = targets.Select(t => Enumerable.Range(0, mass.Length).Sum(c => t[c] > 0 ? t[c] / mass[c] : 0)).ToList();
        return SoftmaxHead.Train(classes, x, targets, weights, L2);
    }

    private static List<double[]> OneHot(IReadOnlyList<int> labels, int classes) =>
        [.. labels.Select(l =>
        {
            var v = new double[classes];
            v[l] = 1;
            return v;
        })];

    private static int Index(IReadOnlyList<string> classes, string label)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == label)
            {
                return i;
            }
        }

        throw new InvalidDataException($"Unknown label \"{label}\".");
    }
}
