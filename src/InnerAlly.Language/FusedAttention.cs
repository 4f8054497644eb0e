using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace InnerAlly.Language;

/// <summary>
/// Rewrites each of MiniLM's self-attention blocks as one ONNX Runtime QAttention node: the query,
/// key and value products become one 8-bit product with one weight matrix (the three side by
/// side, one scale per column, as <see cref="Int8Weights"/> makes them), and the reshapes,
/// transposes, scaled scores, mask and softmax that the exported graph spells out in 40 or so
/// nodes per layer run inside that kernel. The arithmetic is the same: per-column weight levels,
/// the input quantised once per layer as before, scores scaled by 1/sqrt(32), the same mask. What
/// goes is the cost of running many small nodes for a sentence of 20 word pieces. The pooler
/// (a dense layer and tanh over the first token) is dropped too: the engine never reads it.
/// </summary>
internal static class FusedAttention
{
    private const string Microsoft = "com.microsoft";

    private static readonly string[] Parts = ["query", "key", "value"];

    public static void Apply(ModelProto model)
    {
        var graph = model.Graph;

        // Already rewritten (no query bias is read any more): nothing to do.
        if (!graph.Node.Any(n => n.Input.Any(i => i.EndsWith(".attention.self.query.bias", StringComparison.Ordinal))))
        {
            return;
        }

        DropPooler(graph);
        // QAttention takes the 0/1 mask as 32-bit integers.
        var mask = "attention_mask_int32";
        var cast = new NodeProto { OpType = "Cast", Name = "attention_mask_to_int32" };
        cast.Input.Add("attention_mask");
        cast.Output.Add(mask);
        cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = 6 });

        var fused = new List<NodeProto> { cast };
        var removed = new HashSet<NodeProto>();
        for (var layer = 0; layer < Tuning.MiniLMGraph.Layers; layer++)
        {
            var (remove, add) = FuseLayer(graph, layer, mask);
            removed.UnionWith(remove);
            fused.AddRange(add);
        }

        var nodes = graph.Node.Where(n => !removed.Contains(n)).Concat(fused).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(InOrder(graph, nodes));
        PruneUnused(graph);
        if (model.OpsetImport.All(o => o.Domain != Microsoft))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = Microsoft, Version = 1 });
        }
    }

    private static (List<NodeProto> Remove, NodeProto[] Add) FuseLayer(GraphProto graph, int layer, string mask)
    {
        var producer = new Dictionary<string, NodeProto>();
        var consumers = new Dictionary<string, List<NodeProto>>();
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                producer[output] = node;
            }

            foreach (var read in node.Input)
            {
                if (!consumers.TryGetValue(read, out var list))
                {
                    consumers[read] = list = [];
                }

                list.Add(node);
            }
        }

        var prefix = $"encoder.layer.{layer}.attention.";
        NodeProto ProductBefore(string bias)
        {
            var add = graph.Node.Single(n => n.OpType == "Add" && n.Input.Contains(bias));
            return add.Input.Where(producer.ContainsKey).Select(i => producer[i]).Single(n => n.OpType == "MatMul");
        }

        var q = ProductBefore(prefix + "self.query.bias");
        var k = ProductBefore(prefix + "self.key.bias");
        var v = ProductBefore(prefix + "self.value.bias");
        var dense = ProductBefore(prefix + "output.dense.bias");
        var input = q.Input[0];
        var context = dense.Input[0];
        if (k.Input[0] != input || v.Input[0] != input)
        {
            throw new InvalidDataException($"Layer {layer}'s query, key and value do not read the same input.");
        }

        // The attention block: every node that depends on the layer's input and that the output
        // product depends on. The mask's nodes, shared by all layers, depend on neither.
        var after = Reach(consumers.GetValueOrDefault(input) ?? [], n => n.Output.SelectMany(o => consumers.GetValueOrDefault(o) ?? []));
        var before = Reach([producer[context]], n => n.Input.Where(producer.ContainsKey).Select(i => producer[i]));
        var block = after.Intersect(before).ToList();

        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var weights = new[] { q, k, v }.Select(n => initializers[n.Input[1]]).ToArray();
        var biases = Parts.Select(b => initializers[$"{prefix}self.{b}.bias"]).ToArray();
        var name = $"encoder.layer.{layer}.attention.self.qkv";
        var rows = checked((int)weights[0].Dims[0]);
        var (levels, scales) = Int8Weights.QuantizeColumns(name + ".weight", SideBySide(weights, rows), rows, Parts.Length * Tuning.MiniLMGraph.Hidden);
        var bias = new TensorProto { Name = name + ".bias", DataType = 1, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(SideBySide(biases, 1).AsSpan())) };
        bias.Dims.Add(Parts.Length * Tuning.MiniLMGraph.Hidden);
        foreach (var t in weights.Concat(biases))
        {
            graph.Initializer.Remove(t);
        }

        graph.Initializer.Add(levels);
        graph.Initializer.Add(scales);
        graph.Initializer.Add(bias);

        var x = name + "_x";
        var quantize = new NodeProto { OpType = "DynamicQuantizeLinear", Name = name + "_quantize" };
        quantize.Input.Add(input);
        quantize.Output.AddRange([x, x + "_scale", x + "_zero"]);
        var attention = new NodeProto { OpType = "QAttention", Domain = Microsoft, Name = name + "_attention" };
        attention.Input.AddRange([x, levels.Name, bias.Name, x + "_scale", scales.Name, mask, x + "_zero"]);
        attention.Output.Add(context);
        attention.Attribute.Add(new AttributeProto { Name = "num_heads", Type = AttributeProto.Types.AttributeType.Int, I = Tuning.MiniLMGraph.Heads });
        return (block, [quantize, attention]);
    }

    /// <summary>The nodes in an order ONNX accepts: each after the nodes whose outputs it reads, otherwise as they came.</summary>
    private static List<NodeProto> InOrder(GraphProto graph, List<NodeProto> nodes)
    {
        var ready = graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(t => t.Name)).ToHashSet();
        ready.Add(string.Empty);
        var ordered = new List<NodeProto>(nodes.Count);
        var waiting = nodes;
        while (waiting.Count > 0)
        {
            var next = new List<NodeProto>();
            foreach (var node in waiting)
            {
                if (node.Input.All(ready.Contains))
                {
                    ordered.Add(node);
                    ready.UnionWith(node.Output);
                }
                else
                {
                    next.Add(node);
                }
            }

            if (next.Count == waiting.Count)
            {
                throw new InvalidDataException("The rewritten attention left a node whose input nothing makes.");
            }

            waiting = next;
        }

        return ordered;
    }

    private static HashSet<NodeProto> Reach(IEnumerable<NodeProto> start, Func<NodeProto, IEnumerable<NodeProto>> next)
    {
        var seen = new HashSet<NodeProto>();
        var stack = new Stack<NodeProto>(start);
        while (stack.TryPop(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var n in next(node))
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }

    /// <summary>Float tensors of <paramref name="rows"/> rows (a vector is one row), joined along their rows: [rows, a] + [rows, b] -> [rows, a + b].</summary>
    private static float[] SideBySide(TensorProto[] parts, int rows)
    {
        var widths = parts.Select(p => checked((int)p.Dims[^1])).ToArray();
        var total = widths.Sum();
        var values = new float[rows * total];
        var offset = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            var source = MemoryMarshal.Cast<byte, float>(parts[p].RawData.Span);
            for (var r = 0; r < rows; r++)
            {
                source.Slice(r * widths[p], widths[p]).CopyTo(values.AsSpan((r * total) + offset, widths[p]));
            }

            offset += widths[p];
        }

        return values;
    }

    /// <summary>The package's second output, the pooler (dense and tanh over the first token), which the engine never reads.</summary>
    private static void DropPooler(GraphProto graph)
    {
        var tanh = graph.Node.Where(n => n.OpType == "Tanh").SelectMany(n => n.Output).ToHashSet();
        foreach (var output in graph.Output.Where(o => tanh.Contains(o.Name)).ToList())
        {
            graph.Output.Remove(output);
        }
    }

    /// <summary>Removes nodes whose outputs nothing reads, and initialisers no node reads, until none is left.</summary>
    private static void PruneUnused(GraphProto graph)
    {
        var outputs = graph.Output.Select(o => o.Name).ToHashSet();
        while (true)
        {
            var read = graph.Node.SelectMany(n => n.Input).ToHashSet();
            var dead = graph.Node.Where(n => n.Output.All(o => !read.Contains(o) && !outputs.Contains(o))).ToList();
            if (dead.Count == 0)
            {
                break;
            }

            foreach (var node in dead)
            {
                graph.Node.Remove(node);
            }
        }

        var used = graph.Node.SelectMany(n => n.Input).ToHashSet();
        foreach (var t in graph.Initializer.Where(t => !used.Contains(t.Name)).ToList())
        {
            graph.Initializer.Remove(t);
        }
    }
}
