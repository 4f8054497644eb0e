namespace InnerAlly.Language.Tuning;

/// <summary>The lower layers' token states, run once per sentence and kept in a cache file between runs.</summary>
public sealed partial class LayerTuner
{
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
}
