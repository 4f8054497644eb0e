using InnerAlly.Language.Heads;
using InnerAlly.Language.Text;

namespace InnerAlly.Language.Training;

/// <summary>The thinking-trap head: what it reads of a line, and how it is regularised.</summary>
public sealed partial class Trainer
{
    /// <summary>
    /// How a trap line becomes examples. "mean" (the analysis's own reading): the unit-length mean
    /// of the line's sentence embeddings, one example a line. "mean+last": also the line's last
    /// sentence alone, as an extra example with the same labels, for lines of several sentences;
    /// most lines are "a situation. the thought", and a thought is often written on its own.
    /// </summary>
    public string TrapReads { get; init; } = TrapReadings.Mean;

    /// <summary>
    /// False: the trap head is trained with its cue inputs at zero, so their weights stay zero and
    /// it reads the embedding alone (analysis is unchanged: zero weights ignore the cues).
    /// </summary>
    public bool TrapCues { get; init; } = true;

    /// <summary>The trap head's weight penalty (the other heads use <see cref="L2"/>).</summary>
    public double? TrapL2 { get; init; }

    /// <summary>Label smoothing for the trap head: this share of each target is spread over all classes.</summary>
    public double TrapSmoothing { get; init; }

    /// <summary>A file of trap lines (never a training file) to report the trap head's top-1 on after training.</summary>
    public string? TrapProbe { get; init; }

    /// <summary>
    /// When set, the risk heads, their thresholds and the second stage are this model's, not
    /// retrained: for changing the other heads while the risk inputs (risk.jsonl and the everyday
    /// lines of the other two files) are as they were when it was trained.
    /// </summary>
    public LanguageModel? KeepRiskFrom { get; init; }

    private (List<float[]> X, List<double[]> Targets) TrapExamples(IReadOnlyList<LabelledData.TrapLine> lines, string reads)
    {
        if (reads is not (TrapReadings.Mean or TrapReadings.MeanAndLast))
        {
            throw new InvalidDataException($"Unknown trap reading \"{reads}\".");
        }

        var spans = lines.Select(t => Sentences.Split(t.Text).Select(s => s.Text).DefaultIfEmpty(t.Text).ToList()).ToList();
        var vectors = Embed([.. spans.SelectMany(s => s)]);
        var x = new List<float[]>();
        var targets = new List<double[]>();
        var next = 0;
        foreach (var (line, sentences) in lines.Zip(spans))
        {
            var own = vectors.AsSpan(next, sentences.Count).ToArray();
            next += sentences.Count;
            var target = TrapTarget(line);
            x.Add(Features.Text(own, [.. sentences.Select(CuesOf)]));
            targets.Add(target);
            if (reads == TrapReadings.MeanAndLast && sentences.Count > 1)
            {
                x.Add(Features.Text([own[^1]], [CuesOf(sentences[^1])]));
                targets.Add(target);
            }
        }

        return (x, targets);

        float[] CuesOf(string sentence) => TrapCues ? cues.Read(sentence).Values : new float[cues.FeatureNames.Count];
    }

    private static double[] TrapTarget(LabelledData.TrapLine line)
    {
        var target = new double[ThinkingTraps.Classes.Count];
        IReadOnlyList<string> labels = line.Traps.Count == 0 ? [ThinkingTraps.NotDistorted] : line.Traps;
        foreach (var label in labels)
        {
            target[LabelledData.IndexOf(ThinkingTraps.Classes, label)] += 1.0 / labels.Count;
        }

        return target;
    }

    private static List<double[]> Smooth(List<double[]> targets, double share) => share <= 0
        ? targets
        : [.. targets.Select(t => t.Select(v => (v * (1 - share)) + (share / t.Length)).ToArray())];

    /// <summary>Top-1 (the top class among the line's labels) of a trained trap head on lines it was not trained on.</summary>
    private void ReportTrapProbe(SoftmaxHead head, string path)
    {
        var lines = LabelledData.Traps(path);
        var (x, targets) = TrapExamples(lines, TrapReadings.Mean);
        var right = 0;
        var perClass = new int[ThinkingTraps.Classes.Count];
        var perClassCount = new int[ThinkingTraps.Classes.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var p = head.Predict(x[i]);
            var top = Array.IndexOf(p, p.Max());
            var first = Array.IndexOf(targets[i], targets[i].Max());
            perClassCount[first]++;
            if (targets[i][top] > 0)
            {
                right++;
                perClass[first]++;
            }
        }

        log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  probe {Path.GetFileName(path)}: top-1 {right / (double)x.Count:F3} ({right}/{x.Count})"));
        for (var c = 0; c < perClass.Length; c++)
        {
            log.WriteLine($"    {ThinkingTraps.Classes[c],-28} {perClass[c]}/{perClassCount[c]}");
        }
    }
}

/// <summary>The trap head's readings of a training line (<see cref="Trainer.TrapReads"/>).</summary>
public static class TrapReadings
{
    public const string Mean = "mean";
    public const string MeanAndLast = "mean+last";
}
