using System.Reflection;
using System.Security.Cryptography;

namespace InnerAlly.Language.Tuning;

/// <summary>
/// MiniLM's top layer as `InnerAlly tune-layer` left it, stored as 16-bit floats in
/// Model/tuned_layer.bin and embedded in this library. At load the embedder writes it over the
/// layer's initialisers in the ONNX graph, before the 8-bit rewrite, so a text costs exactly what it
/// did with the original weights. When the file is absent the package's own weights are used.
/// </summary>
public static class TunedLayer
{
    public const string ResourceName = "InnerAlly.Language.Model.tuned_layer.bin";
    private const string Magic = "innerally-tuned-layer-1";

    public sealed record Stored(int Layer, BertLayer Weights, string Sha256);

    public static void Save(string path, int layer, BertLayer weights)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        writer.Write(Magic);
        writer.Write(layer);
        writer.Write(weights.Hidden);
        writer.Write(weights.Heads);
        writer.Write(weights.Inner);
        foreach (var (name, values) in weights.Parameters)
        {
            writer.Write(name);
            writer.Write(values.Length);
            foreach (var v in values)
            {
                writer.Write((Half)v);
            }
        }
    }

    public static Stored Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        using var reader = new BinaryReader(buffer);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a tuned-layer file.");
        }

        var layer = reader.ReadInt32();
        var weights = new BertLayer(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        foreach (var (name, values) in weights.Parameters)
        {
            if (reader.ReadString() != name || reader.ReadInt32() != values.Length)
            {
                throw new InvalidDataException($"The tuned layer's {name} is missing or of another size.");
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)reader.ReadHalf();
            }
        }

        return new Stored(layer, weights, sha);
    }

    /// <summary>The embedded tuned layer, or null when this library was built without one.</summary>
    public static Stored? LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
