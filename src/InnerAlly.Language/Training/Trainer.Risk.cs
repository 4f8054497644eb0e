using InnerAlly.Language.Heads;

namespace InnerAlly.Language.Training;

/// <summary>The risk heads: topic and literal-now, the threshold chosen on held-out folds, and the second stage.</summary>
public sealed partial class Trainer
{
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
    private (Dictionary<string, double> Thresholds, SoftmaxHead Second) ChooseThresholds(List<float[]> x, List<int> y, int hardNegatives, List<Rules.SentenceCues> context, List<bool> figurative, List<string> texts, SoftmaxHead finalTopic, List<float[]> neighbours)
    {
        var strong = context.Select(c => c.StrongRisk).ToList();
        var outOfFold = new double[x.Count];
        var foldTopics = new SoftmaxHead[Folds];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (topic, literal) = TrainRisk(x, y, figurative, Enumerable.Range(0, x.Count).Where(i => i % Folds != fold));
            foldTopics[fold] = topic;
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
        var flagged = Enumerable.Range(0, x.Count).Where(i => strong[i] is null && anyRisk[i] >= threshold).ToList();
        var local = SecondReads.NeedsLocal(SecondInput) || CompareSecondInputs ? LocalFeatures(flagged, texts, foldTopics, finalTopic) : null;
        if (CompareSecondInputs)
        {
            foreach (var reads in SecondReads.All)
            {
                foreach (var l2 in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    log.WriteLine($"  (compared) second stage reading {reads}, L2 {l2}:");
                    TrainSecondStage(reads, l2, x, y, flagged, local, neighbours, hardNegatives);
                }
            }
        }

        log.WriteLine($"  second stage reading {SecondInput}, L2 {SecondL2}:");
        var (second, secondThreshold) = TrainSecondStage(SecondInput, SecondL2, x, y, flagged, local, neighbours, hardNegatives);
        var thresholds = new Dictionary<string, double> { ["any"] = Math.Round(threshold, 4), ["second"] = Math.Round(secondThreshold, 4) };
        return (thresholds, second);
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
    private (SoftmaxHead Head, double Threshold) TrainSecondStage(string reads, double l2, List<float[]> x, List<int> y, List<int> flagged, LocalSets? local, List<float[]> neighbours, int hardNegatives)
    {
        // On each fold, the token states around the risk word are found with that fold's own first stage, so a held-out sentence is read by heads that never saw it.
        float[] Input(int i, int fold) => Features.Second(reads, x[i], local?.ByFold[fold][i], neighbours[i]);
        var score = new double[x.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = flagged.Where(i => i % Folds != fold).ToList();
            var head = TrainBalanced(SecondClasses, [.. train.Select(i => Input(i, fold))], OneHot([.. train.Select(i => y[i] != 0 ? 1 : 0)], 2), l2);
            foreach (var i in flagged.Where(i => i % Folds == fold))
            {
                score[i] = head.Predict(Input(i, fold))[1];
            }
        }

        double Cut(List<int> rows)
        {
            var cut = 1.0;
            for (var c = 1; c < RiskCategories.All.Count; c++)
            {
                var kept = rows.Where(i => y[i] == c).Select(i => score[i]).OrderByDescending(p => p).ToList();
                if (kept.Count > 0)
                {
                    cut = Math.Min(cut, kept[Math.Max(0, (int)Math.Ceiling((1 - SecondStageLoss) * kept.Count) - 1)]);
                }
            }

            return cut;
        }

        var cut = Cut(flagged);

        var negatives = flagged.Where(i => y[i] == 0).ToList();
        log.WriteLine($"  second stage: {flagged.Count} flagged sentences; threshold {cut:F3}; held-out, it turns {negatives.Count(i => score[i] < cut)} of {negatives.Count} flagged sentences without risk "
            + $"({negatives.Count(i => i < hardNegatives && score[i] < cut)} hard negatives) and {flagged.Count(i => y[i] != 0 && score[i] < cut)} of {flagged.Count(i => y[i] != 0)} risky ones to the gentle line");

        // Less tied to the few lowest risky sentences that set the bar: how well the stage orders the flagged sentences, and what it moves at a pooled budget.
        var risky = flagged.Where(i => y[i] != 0).Select(i => score[i]).OrderBy(p => p).ToList();
        var pairs = negatives.Sum(n => risky.Count(p => p > score[n]) + (0.5 * risky.Count(p => p == score[n])));
        string Moved(double loss) => $"{negatives.Count(i => score[i] < risky[(int)Math.Floor(loss * risky.Count)])}";
        log.WriteLine($"    held-out AUC {pairs / ((double)negatives.Count * risky.Count):F4}; flagged ordinary moved when any 1% / 2% / 5% / 10% of the flagged risky may be: {Moved(0.01)} / {Moved(0.02)} / {Moved(0.05)} / {Moved(0.10)}");
        var all = TrainBalanced(SecondClasses, [.. flagged.Select(i => Features.Second(reads, x[i], local?.Final[i], neighbours[i]))], OneHot([.. flagged.Select(i => y[i] != 0 ? 1 : 0)], 2), l2);
        return (all, cut);
    }

    /// <summary>What the second stage reads (<see cref="SecondReads"/>).</summary>
    public string SecondInput { get; init; } = SecondReads.Sentence;

    /// <summary>L2 penalty on the second stage's weights.</summary>
    public double SecondL2 { get; init; } = DefaultL2;

    /// <summary>Also train and report, held-out, the second stage on the other inputs (slower).</summary>
    public bool CompareSecondInputs { get; init; }

    /// <summary>The local readings of the flagged sentences, with each fold's first stage and with the final one.</summary>
    private sealed record LocalSets(Dictionary<int, float[]>[] ByFold, Dictionary<int, float[]> Final);

    private LocalSets LocalFeatures(List<int> flagged, List<string> texts, SoftmaxHead[] foldTopics, SoftmaxHead finalTopic)
    {
        var distinct = flagged.Select(i => texts[i]).Distinct().ToList();
        log.WriteLine($"  reading the token states of {distinct.Count} flagged sentences...");
        var states = distinct.Zip(embedder.TokenStates(distinct)).ToDictionary(p => p.First, p => p.Second);
        Dictionary<int, float[]> With(SoftmaxHead topic)
        {
            var directions = LocalReading.Directions(topic);
            return flagged.ToDictionary(i => i, i => LocalReading.Read(states[texts[i]], directions));
        }

        return new LocalSets([.. foldTopics.Select(With)], With(finalTopic));
    }
}
