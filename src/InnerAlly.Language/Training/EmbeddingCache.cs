using System.Text.Json;

namespace InnerAlly.Language.Training;

/// <summary>
/// Embeddings of texts seen before come from a cache file when one is given (obj/ by default
/// from the command), so retraining after changing a head or a cue takes seconds, not minutes.
/// Vectors from another embedder are not reused.
/// </summary>
public sealed class EmbeddingCache(Embedder embedder, string? path)
{
    private Dictionary<string, float[]>? _cache;

    private sealed record CacheFile(string Embedder, Dictionary<string, float[]> Vectors);

    public float[][] Embed(List<string> texts)
    {
        if (path is null)
        {
            return embedder.Embed(texts);
        }

        // Vectors from another embedder (the float model, say) would train heads the engine cannot use.
        _cache ??= File.Exists(path)
            && JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(path)) is { } file
            && file.Embedder == Embedder.Name
                ? file.Vectors
                : [];
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var vectors = embedder.Embed(missing);
            for (var i = 0; i < missing.Count; i++)
            {
                _cache[missing[i]] = vectors[i];
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, JsonSerializer.Serialize(new CacheFile(Embedder.Name, _cache)));
        }

        return [.. texts.Select(t => _cache[t])];
    }
}
