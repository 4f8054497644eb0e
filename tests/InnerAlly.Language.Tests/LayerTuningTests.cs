using InnerAlly.Language.Tuning;

namespace InnerAlly.Language.Tests;

/// <summary>
/// The layer tuner's arithmetic: the C# BERT layer gives what MiniLM's ONNX graph gives, and its
/// backward pass matches finite differences of the loss on a tiny layer.
/// </summary>
public class LayerTuningTests
{
    private static BertLayer Tiny(int seed)
    {
        var layer = new BertLayer(hidden: 8, heads: 2, inner: 12);
        var random = new Random(seed);
        foreach (var (name, values) in layer.Parameters)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = name.Contains("LayerNorm.weight", StringComparison.Ordinal)
                    ? 1f + (0.2f * (float)(random.NextDouble() - 0.5))
                    : 0.6f * (float)(random.NextDouble() - 0.5);
            }
        }

        return layer;
    }

    [Fact]
    public void Backward_matches_finite_differences_of_the_loss_for_every_kind_of_parameter()
    {
        var layer = Tiny(1);
        var random = new Random(2);
        var states = Enumerable.Range(0, 3 * 8).Select(_ => (float)(random.NextDouble() - 0.5) * 2).ToArray();
        var head = new PooledHead(classes: 3, features: 8 + 2);
        for (var i = 0; i < head.Weights.Length; i++)
        {
            head.Weights[i] = (float)(random.NextDouble() - 0.5) * 2;
        }

        var example = new TuningExample(states, [1f, 0f], [0, 0, 1], Weight: 1.3);
        var (dLayer, dHead) = (layer.ZerosLike(), head.ZerosLike());
        PooledObjective.Loss(layer, head, example, dLayer, dHead);

        const float step = 1e-2f;
        var checkedCount = 0;
        foreach (var ((name, values), (_, gradient)) in layer.Parameters.Zip(dLayer.Parameters))
        {
            // A few entries of each parameter, spread over it.
            for (var i = 0; i < values.Length; i += Math.Max(1, values.Length / 5))
            {
                var kept = values[i];
                values[i] = kept + step;
                var up = PooledObjective.Loss(layer, head, example);
                values[i] = kept - step;
                var down = PooledObjective.Loss(layer, head, example);
                values[i] = kept;
                var numeric = (up - down) / (2 * step);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 2e-3 + (0.03 * Math.Abs(numeric)), $"{name}[{i}]: backward {gradient[i]:G5}, finite difference {numeric:G5}");
                checkedCount++;
            }
        }

        for (var i = 0; i < head.Weights.Length; i += 3)
        {
            var kept = head.Weights[i];
            head.Weights[i] = kept + step;
            var up = PooledObjective.Loss(layer, head, example);
            head.Weights[i] = kept - step;
            var down = PooledObjective.Loss(layer, head, example);
            head.Weights[i] = kept;
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - dHead.Weights[i]) <= 2e-3 + (0.03 * Math.Abs(numeric)), $"head[{i}]: backward {dHead.Weights[i]:G5}, finite difference {numeric:G5}");
        }

        Assert.True(checkedCount > 60);
        Assert.Contains(dLayer.Wq, g => g != 0);
    }

    [Fact]
    public void The_CSharp_layer_gives_what_the_onnx_graph_gives_from_the_layer_below()
    {
        var graph = MiniLMGraph.Load().Graph;
        var top = MiniLMGraph.Read(graph, MiniLMGraph.Layers - 1);
        using var states = new LayerStates(MiniLMGraph.Layers - 2);

        foreach (var sentence in new[] { "I want to kill myself.", "Tomorrow I will rest.", "ok" })
        {
            var (below, last) = states.Of(sentence);
            var mine = top.Forward(below).Output;
            Assert.Equal(last.Length, mine.Length);

            // ONNX runs the top layer in 8-bit integers, this in floats: close, not equal.
            var cosine = Cosine(mine, last);
            Assert.True(cosine > 0.99, $"\"{sentence}\": cosine {cosine:F4} between the C# layer and ONNX Runtime's");
        }
    }

    [Fact]
    public void A_layer_written_into_the_graph_reads_back_the_same()
    {
        var model = MiniLMGraph.Load();
        var layer = MiniLMGraph.Read(model.Graph, 5);
        layer.Wq[7] = 0.125f;
        layer.Ln2Beta[3] = -2f;
        MiniLMGraph.Write(model.Graph, 5, layer);

        var again = MiniLMGraph.Read(model.Graph, 5);
        Assert.Equal(0.125f, again.Wq[7]);
        Assert.Equal(-2f, again.Ln2Beta[3]);
        Assert.Equal(layer.W2, again.W2);
    }

    [Fact]
    public void The_embedder_runs_the_layer_it_is_given_in_place_of_the_packages()
    {
        var own = MiniLMGraph.Read(MiniLMGraph.Load().Graph, 5);
        string[] sentences = ["Tomorrow I will rest.", "I want to kill myself."];
        using var plain = new Embedder(threads: 1, layer: null);
        using var same = new Embedder(threads: 1, new TunedLayer.Stored(5, own, "own"));
        var changed = own.Clone();
        for (var i = 0; i < changed.W2.Length; i += 2)
        {
            changed.W2[i] = -changed.W2[i];
        }

        using var other = new Embedder(threads: 1, new TunedLayer.Stored(5, changed, "changed"));
        var (a, b, c) = (plain.Embed(sentences, TestContext.Current.CancellationToken), same.Embed(sentences, TestContext.Current.CancellationToken), other.Embed(sentences, TestContext.Current.CancellationToken));
        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.True(Cosine(a[i], b[i]) > 0.9999, $"the package's own layer written back: cosine {Cosine(a[i], b[i]):F5}");
            Assert.True(Cosine(a[i], c[i]) < 0.99, $"a changed layer: cosine {Cosine(a[i], c[i]):F5}");
        }
    }

    [Fact]
    public void A_saved_tuned_layer_reads_back_within_half_precision()
    {
        var layer = MiniLMGraph.Read(MiniLMGraph.Load().Graph, 5);
        var file = Path.Combine(Path.GetTempPath(), $"tuned-layer-test-{Guid.NewGuid():N}.bin");
        try
        {
            TunedLayer.Save(file, 5, layer);
            using var stream = File.OpenRead(file);
            var stored = TunedLayer.Read(stream);
            Assert.Equal(5, stored.Layer);
            foreach (var ((name, a), (_, b)) in layer.Parameters.Zip(stored.Weights.Parameters))
            {
                for (var i = 0; i < a.Length; i++)
                {
                    Assert.True(Math.Abs(a[i] - b[i]) <= 1e-3 * Math.Max(1, Math.Abs(a[i])), $"{name}[{i}]");
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            (dot, na, nb) = (dot + ((double)a[i] * b[i]), na + ((double)a[i] * a[i]), nb + ((double)b[i] * b[i]));
        }

        return dot / Math.Sqrt(na * nb);
    }
}
