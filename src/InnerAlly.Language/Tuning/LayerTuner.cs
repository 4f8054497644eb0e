using System.Globalization;
using InnerAlly.Language.Heads;
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
public sealed class LayerTuner(Cues cues, TextWriter log)
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
        var sources = risk.Select((r, i) => new Source(r.Text, IndexOf(RiskCategories.All, r.Risk), i))
            .Concat(everyday.Where((_, i) => i % step == 0).Select((t, i) => new Source(t, 0, risk.Count + i)))
            .ToList();
        var split = sources.Select(s => Sentences.Split(s.Text).Select(x => x.Text).DefaultIfEmpty(s.Text).ToList()).ToList();
        var states = States([.. split.SelectMany(x => x).Distinct()]);
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
                });
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

    /// <summary>Each class weighs the same in total (as the trainer balances its heads); weights average 1.</summary>
    private List<TuningExample> Examples(List<(string Sentence, int Label, int Line)> rows, Dictionary<string, float[]> states)
    {
        var counts = new int[RiskCategories.All.Count];
        foreach (var r in rows)
        {
            counts[r.Label]++;
        }

        var present = counts.Count(c => c > 0);
        return [.. rows.Select(r =>
        {
            var target = new double[RiskCategories.All.Count];
            target[r.Label] = 1;
            return new TuningExample(states[r.Sentence], cues.Read(r.Sentence).Values, target, rows.Count / (double)(present * counts[r.Label]));
        })];
    }

    private PooledHead TrainFrozenHead(List<(string Sentence, int Label, int Line)> rows, Func<string, float[]> embed)
    {
        var x = rows.Select(r => PooledObjective.Features(embed(r.Sentence), cues.Read(r.Sentence).Values)).ToList();
        var counts = new double[RiskCategories.All.Count];
        foreach (var r in rows)
        {
            counts[r.Label]++;
        }

        var targets = rows.Select(r =>
        {
            var t = new double[RiskCategories.All.Count];
            t[r.Label] = 1;
            return t;
        }).ToList();
        var trained = SoftmaxHead.Train(RiskCategories.All, x, targets, [.. rows.Select(r => 1 / counts[r.Label])], Trainer.DefaultL2);
        var head = new PooledHead(RiskCategories.All.Count, x[0].Length);
        for (var c = 0; c < head.Classes; c++)
        {
            trained.Weights[c].CopyTo(head.Weights, c * head.Features);
            head.Bias[c] = trained.Bias[c];
        }

        return head;
    }

    /// <summary>Held-out loss, and the share of held-out ordinary sentences at or above the highest threshold that still finds 95% of each risk category.</summary>
    private EpochFigures Measure(int epoch, BertLayer layer, PooledHead head, List<TuningExample> examples, TimeSpan took)
    {
        var loss = 0.0;
        var score = new double[examples.Count];
        var label = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var ex = examples[i];
            var p = head.Predict(PooledObjective.Features(PooledObjective.Embed(layer, ex.States), ex.Cues));
            label[i] = Array.IndexOf(ex.Target, 1.0);
            loss -= ex.Weight * Math.Log(Math.Max(p[label[i]], 1e-12));
            score[i] = 1 - p[0];
        }

        var threshold = 1.0;
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var positives = Enumerable.Range(0, examples.Count).Where(i => label[i] == c).Select(i => score[i]).OrderByDescending(s => s).ToList();
            if (positives.Count > 0)
            {
                threshold = Math.Min(threshold, positives[Math.Max(0, (int)Math.Ceiling(RecallTarget * positives.Count) - 1)]);
            }
        }

        var ordinary = Enumerable.Range(0, examples.Count).Where(i => label[i] == 0).ToList();
        var alarms = ordinary.Count(i => score[i] >= threshold) / (double)ordinary.Count;

        // Steadier than the per-category bar (set by the smallest category's few sentences): 95% of
        // all risky sentences together, and the chance a risky sentence outscores an ordinary one.
        var risky = Enumerable.Range(0, examples.Count).Where(i => label[i] != 0).Select(i => score[i]).OrderByDescending(s => s).ToList();
        var pooledBar = risky[Math.Max(0, (int)Math.Ceiling(RecallTarget * risky.Count) - 1)];
        var pooled = ordinary.Count(i => score[i] >= pooledBar) / (double)ordinary.Count;
        var wins = 0.0;
        foreach (var r in risky)
        {
            foreach (var o in ordinary)
            {
                wins += r > score[o] ? 1 : r == score[o] ? 0.5 : 0;
            }
        }

        var auc = wins / ((double)risky.Count * ordinary.Count);
        var figures = new EpochFigures(epoch, loss / examples.Count, alarms, threshold, ordinary.Count, pooled, auc, took);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {epoch}: held-out loss {figures.HeldOutLoss:F4}, false alarms at 95% recall of each category {alarms:P1} of {ordinary.Count} (threshold {threshold:F3}), at 95% of all risk {pooled:P1}, AUC {auc:F4}, {took.TotalSeconds:F0} s"));
        return figures;
    }

    private Dictionary<string, float[]> States(List<string> sentences)
    {
        var cache = CachePath is not null && File.Exists(CachePath) ? ReadCache(CachePath) : [];
        var missing = sentences.Where(s => !cache.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            log.WriteLine($"Running layers 0-{Layer - 1} of the 8-bit model for {missing.Count} sentences...");
            using var lower = new LayerStates(Layer - 1);
            foreach (var s in missing)
            {
                cache[s] = lower.Of(s).Layer;
            }

            if (CachePath is not null)
            {
                WriteCache(CachePath, cache);
            }
        }

        return cache;
    }

    private Dictionary<string, float[]> ReadCache(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != Embedder.BaseName || reader.ReadInt32() != Layer)
        {
            return [];
        }

        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var values = new float[reader.ReadInt32()];
            reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            cache[text] = values;
        }

        return cache;
    }

    private void WriteCache(string path, Dictionary<string, float[]> cache)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Embedder.BaseName);
        writer.Write(Layer);
        writer.Write(cache.Count);
        foreach (var (text, values) in cache)
        {
            writer.Write(text);
            writer.Write(values.Length);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        }
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
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

    /// <summary>Adam over the layer's parameters and the head's, each with its own rate.</summary>
    private sealed class Adam
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        private readonly List<(float[] Values, float[] M, float[] V, double Rate)> slots = [];
        private int step;

        public Adam(BertLayer layer, PooledHead head, double layerRate, double headRate)
        {
            foreach (var (_, values) in layer.Parameters)
            {
                slots.Add((values, new float[values.Length], new float[values.Length], layerRate));
            }

            slots.Add((head.Weights, new float[head.Weights.Length], new float[head.Weights.Length], headRate));
            slots.Add((head.Bias, new float[head.Bias.Length], new float[head.Bias.Length], headRate));
        }

        public void Step(BertLayer layerGradient, PooledHead headGradient, double scale)
        {
            step++;
            var c1 = 1 - Math.Pow(Beta1, step);
            var c2 = 1 - Math.Pow(Beta2, step);
            var gradients = layerGradient.Parameters.Select(p => p.Values).Append(headGradient.Weights).Append(headGradient.Bias).ToList();
            for (var s = 0; s < slots.Count; s++)
            {
                var (w, m, v, rate) = slots[s];
                var g = gradients[s];
                for (var j = 0; j < w.Length; j++)
                {
                    var gj = g[j] * scale;
                    m[j] = (float)((Beta1 * m[j]) + ((1 - Beta1) * gj));
                    v[j] = (float)((Beta2 * v[j]) + ((1 - Beta2) * gj * gj));
                    w[j] -= (float)(rate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + Epsilon));
                }
            }
        }
    }
}
