using InnerAlly.Language.Rules;
using InnerAlly.Language.Text;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Tuning;

/// <summary>
/// Fine-tunes MiniLM's top layer on the risk training data (Training/ only; never Development/ or
/// the outside evaluation set), with gradients written here over cached lower-layer token states:
/// the layer below is run once per sentence by ONNX Runtime (<see cref="LayerStates"/>), then the
/// top layer, the mean pooling and a risk head (none, self, from_others, to_others over embedding
/// and cues) are trained together with Adam. One fold of the training lines (every fifth, by line)
/// is held out; after each epoch the held-out false-alarm rate at 95% recall of each risk category
/// is measured, and the layer from the best epoch is kept (epoch 0 is the package's own layer,
/// with a head trained on it). The engine's heads are then retrained on the tuned embeddings with
/// `train-language`.
/// </summary>
public sealed partial class LayerTuner(Cues cues, TextWriter log)
{
    public int Layer { get; init; } = MiniLMGraph.Layers - 1;

    public int Epochs { get; init; } = 4;

    public double LayerRate { get; init; } = 3e-5;

    public double HeadRate { get; init; } = 1e-3;

    public int BatchSize { get; init; } = 16;

    /// <summary>At most this many everyday sentences (from the self-criticism and thinking-trap lines) join the risk lines' own, to keep a run to minutes.</summary>
    public int EverydayLimit { get; init; } = 1500;

    /// <summary>Threads that share each batch (each with its own gradients, summed before the step).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// The weight of the contrastive term over the paired lines (<see cref="PairFiles"/>): each pair's
    /// ordinary and risky sentence are pushed apart while their cosine is above <see cref="PairMargin"/>.
    /// 0 leaves it out (the tuning of 2026-12-02).
    /// </summary>
    public double PairWeight { get; init; }

    public double PairMargin { get; init; } = 0.5;

    /// <summary>Pairs added to each batch's loss, taken in turn.</summary>
    public int PairsPerBatch { get; init; } = 2;

    /// <summary>Files of Training/ (relative) whose consecutive lines of opposite labels are pairs in the same surface form.</summary>
    public static readonly IReadOnlyList<string> PairFiles = ["tried/issue-14-paired.jsonl", "tried/issue-14-paired-unmeasured.jsonl", "tried/issue-14-pairs-fresh.jsonl"];

    /// <summary>A file that keeps the lower layer's token states between runs.</summary>
    public string? CachePath { get; init; }

    public const int Folds = 5;
    public const double RecallTarget = 0.95;

    public sealed record EpochFigures(int Epoch, double HeldOutLoss, double FalseAlarms, double Threshold, int Ordinary, double PooledFalseAlarms, double Auc, TimeSpan Took);

    /// <param name="Layer">The layer of the epoch with the fewest held-out false alarms at 95% recall.</param>
    /// <param name="LowestLoss">The layer of the epoch with the lowest held-out loss (reported, not shipped by default).</param>
    public sealed record Result(BertLayer Layer, int BestEpoch, BertLayer LowestLoss, int LowestLossEpoch, IReadOnlyList<EpochFigures> Epochs, int TrainExamples, int HeldOutExamples);

    private sealed record Source(string Text, int Label, int Line);

    public Result Tune(string trainingFolder)
    {
        var risk = LabelledData.Risk(Path.Combine(trainingFolder, Trainer.RiskFile));
        var selfCriticism = LabelledData.SelfCriticism(Path.Combine(trainingFolder, Trainer.SelfCriticismFile));
        var traps = LabelledData.Traps(Path.Combine(trainingFolder, Trainer.TrapsFile));

        // As the trainer does: the risk lines, and as everyday "none" the self-criticism lines that are
        // not self-hatred and the thinking-trap lines (every k-th, to keep to EverydayLimit sentences).
        var everyday = selfCriticism.Where(l => l.Form != SelfCriticismForms.Hated).Select(l => l.Text).Concat(traps.Select(t => t.Text)).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(everyday.Count * 1.6 / EverydayLimit));
        var sources = risk.Select((r, i) => new Source(r.Text, LabelledData.IndexOf(RiskCategories.All, r.Risk), i))
            .Concat(everyday.Where((_, i) => i % step == 0).Select((t, i) => new Source(t, 0, risk.Count + i)))
            .ToList();
        var split = sources.Select(s => Sentences.Split(s.Text).Select(x => x.Text).DefaultIfEmpty(s.Text).ToList()).ToList();
        var pairLines = PairWeight > 0 ? PairedLines(trainingFolder) : [];
        List<string> Split(string text) => Sentences.Split(text).Select(x => x.Text).DefaultIfEmpty(text).ToList();
        var states = States([.. split.SelectMany(x => x).Concat(pairLines.SelectMany(p => Split(p.Ordinary).Concat(Split(p.Risky)))).Distinct()]);
        log.WriteLine($"{sources.Count} lines ({risk.Count} risk, {sources.Count - risk.Count} everyday), {states.Count} distinct sentences.");

        var original = MiniLMGraph.Read(MiniLMGraph.Load().Graph, Layer);
        var heldOut = new HashSet<int>(sources.Where(s => s.Line % Folds == 0).Select(s => s.Line));

        // Sentence examples. A risky line of several sentences is trained on its likeliest sentence,
        // picked by a head on the package's own layer trained on the single-sentence lines.
        var frozen = new Dictionary<string, float[]>();
        float[] Frozen(string s) => frozen.TryGetValue(s, out var e) ? e : frozen[s] = PooledObjective.Embed(original, states[s]);
        var single = new List<(string Sentence, int Label, int Line)>();
        var pending = new List<int>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].Label != 0 && split[i].Count > 1)
            {
                pending.Add(i);
                continue;
            }

            single.AddRange(split[i].Select(s => (s, sources[i].Label, sources[i].Line)));
        }

        log.WriteLine($"Embedding {states.Count} sentences with the package's own layer {Layer}...");
        var chooser = TrainFrozenHead([.. single.Where(e => !heldOut.Contains(e.Line))], Frozen);
        foreach (var i in pending)
        {
            var likeliest = split[i].MaxBy(s => 1 - chooser.Predict(PooledObjective.Features(Frozen(s), cues.Read(s).Values))[0])!;
            single.Add((likeliest, sources[i].Label, sources[i].Line));
        }

        // Each pair is read at the sentence the first reading finds likeliest to be risk, on both sides: the ordinary side's is the one that would bring the notice.
        string Likeliest(string text) => Split(text).MaxBy(s => 1 - chooser.Predict(PooledObjective.Features(Frozen(s), cues.Read(s).Values))[0])!;
        var pairs = pairLines.Select(p => (Ordinary: states[Likeliest(p.Ordinary)], Risky: states[Likeliest(p.Risky)])).ToList();
        if (pairs.Count > 0)
        {
            log.WriteLine($"{pairs.Count} pairs for the contrastive term (weight {PairWeight}, margin {PairMargin}); mean cosine with the package's layer {MeanCosine(original, pairs):F3}.");
        }

        var train = single.Where(e => !heldOut.Contains(e.Line)).ToList();
        var test = single.Where(e => heldOut.Contains(e.Line)).ToList();
        var trainExamples = Examples(train, states);
        var testExamples = Examples(test, states);
        log.WriteLine($"Training on {trainExamples.Count} sentences, {testExamples.Count} held out ({pending.Count} chosen from risky lines of several sentences).");

        var head = TrainFrozenHead(train, Frozen);
        var layer = original.Clone();
        var figures = new List<EpochFigures>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        figures.Add(Measure(0, layer, head, testExamples, clock.Elapsed));
        var best = (Epoch: 0, Layer: layer.Clone());
        var lowest = best;

        var optimiser = new Adam(layer, head, LayerRate, HeadRate);
        var (dLayer, dHead) = (layer.ZerosLike(), head.ZerosLike());
        var shares = Enumerable.Range(0, Math.Max(1, Threads)).Select(_ => (Layer: layer.ZerosLike(), Head: head.ZerosLike())).ToList();
        var random = new Random(14);
        var pairOrder = Enumerable.Range(0, pairs.Count).OrderBy(_ => random.Next()).ToList();
        var nextPair = 0;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            clock.Restart();
            var order = Enumerable.Range(0, trainExamples.Count).OrderBy(_ => random.Next()).ToList();
            for (var start = 0; start < order.Count; start += BatchSize)
            {
                var batch = order.Skip(start).Take(BatchSize).ToList();
                Parallel.For(0, shares.Count, new ParallelOptions { MaxDegreeOfParallelism = shares.Count }, k =>
                {
                    var (gl, gh) = shares[k];
                    gl.Clear();
                    gh.Clear();
                    for (var b = k; b < batch.Count; b += shares.Count)
                    {
                        PooledObjective.Loss(layer, head, trainExamples[batch[b]], gl, gh);
                    }

                    for (var j = k; j < (pairs.Count > 0 ? PairsPerBatch : 0); j += shares.Count)
                    {
                        var (a, b) = pairs[pairOrder[(nextPair + j) % pairs.Count]];
                        PooledObjective.PairLoss(layer, a, b, PairMargin, PairWeight, gl);
                    }
                });
                nextPair += PairsPerBatch;
                dLayer.Clear();
                dHead.Clear();
                foreach (var (gl, gh) in shares)
                {
                    foreach (var ((_, into), (_, from)) in dLayer.Parameters.Zip(gl.Parameters))
                    {
                        System.Numerics.Tensors.TensorPrimitives.Add(into, from, into);
                    }

                    System.Numerics.Tensors.TensorPrimitives.Add(dHead.Weights, gh.Weights, dHead.Weights);
                    System.Numerics.Tensors.TensorPrimitives.Add(dHead.Bias, gh.Bias, dHead.Bias);
                }

                optimiser.Step(dLayer, dHead, 1.0 / batch.Count);
            }

            var f = Measure(epoch, layer, head, testExamples, clock.Elapsed);
            figures.Add(f);
            if (pairs.Count > 0)
            {
                log.WriteLine($"  mean cosine of the pairs now {MeanCosine(layer, pairs):F3}");
            }

            if (f.FalseAlarms < figures[best.Epoch].FalseAlarms)
            {
                best = (epoch, layer.Clone());
            }

            if (f.HeldOutLoss < figures[lowest.Epoch].HeldOutLoss)
            {
                lowest = (epoch, layer.Clone());
            }
        }

        log.WriteLine($"Best held-out epoch: {best.Epoch} by false alarms, {lowest.Epoch} by loss.");
        return new Result(best.Layer, best.Epoch, lowest.Layer, lowest.Epoch, figures, trainExamples.Count, testExamples.Count);
    }
}
