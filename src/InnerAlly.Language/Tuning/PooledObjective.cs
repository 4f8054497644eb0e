using System.Numerics.Tensors;

namespace InnerAlly.Language.Tuning;

/// <summary>One sequence's lower-layer token states, its cues, what it should be read as, and how much it counts.</summary>
public sealed record TuningExample(float[] States, float[] Cues, double[] Target, double Weight);

/// <summary>A softmax head over [unit-length mean of the layer's token states, cues], as the engine's heads read a sentence.</summary>
public sealed class PooledHead
{
    public PooledHead(int classes, int features)
    {
        (Classes, Features) = (classes, features);
        (Weights, Bias) = (new float[classes * features], new float[classes]);
    }

    public int Classes { get; }

    public int Features { get; }

    /// <summary>[class, feature], row-major.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public PooledHead ZerosLike() => new(Classes, Features);

    public PooledHead Clone()
    {
        var copy = new PooledHead(Classes, Features);
        Weights.CopyTo(copy.Weights, 0);
        Bias.CopyTo(copy.Bias, 0);
        return copy;
    }

    public void Clear()
    {
        Array.Clear(Weights);
        Array.Clear(Bias);
    }

    public double[] Predict(ReadOnlySpan<float> x)
    {
        var logits = new float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = Bias[c] + TensorPrimitives.Dot(Weights.AsSpan(c * Features, Features), x);
        }

        TensorPrimitives.SoftMax(logits, logits);
        return [.. logits.Select(p => (double)p)];
    }
}

/// <summary>
/// The tuning loss: the layer's output, mean-pooled over the tokens and made unit length exactly
/// as the embedder does, joined to the cues, read by a softmax head; weighted cross-entropy against
/// the example's target. Its gradient flows through the head into the layer.
/// </summary>
public static class PooledObjective
{
    /// <summary>The sentence embedding the layer gives these states (what the engine's heads would see).</summary>
    public static float[] Embed(BertLayer layer, float[] states) => Pool(layer.Forward(states).Output, layer.Hidden, out _);

    public static float[] Features(float[] embedding, float[] cues) => [.. embedding, .. cues];

    private static float[] Pool(float[] output, int hidden, out float norm)
    {
        var tokens = output.Length / hidden;
        var sum = new float[hidden];
        for (var t = 0; t < tokens; t++)
        {
            TensorPrimitives.Add(sum, output.AsSpan(t * hidden, hidden), sum);
        }

        norm = TensorPrimitives.Norm(sum);
        if (norm > 0)
        {
            TensorPrimitives.Divide(sum, norm, sum);
        }

        return sum;
    }

    /// <summary>The example's loss; when gradients are given, adds d(loss)/d(parameter) into them.</summary>
    public static double Loss(BertLayer layer, PooledHead head, TuningExample example, BertLayer? layerGradient = null, PooledHead? headGradient = null)
    {
        var h = layer.Hidden;
        var pass = layer.Forward(example.States);
        var e = Pool(pass.Output, h, out var norm);
        var x = Features(e, example.Cues);
        var p = head.Predict(x);
        var loss = 0.0;
        for (var c = 0; c < head.Classes; c++)
        {
            loss -= example.Target[c] * Math.Log(Math.Max(p[c], 1e-12));
        }

        if (layerGradient is null || headGradient is null)
        {
            return loss * example.Weight;
        }

        // Softmax with cross-entropy: d(loss)/d(logit) = p - target.
        var dx = new float[head.Features];
        for (var c = 0; c < head.Classes; c++)
        {
            var dLogit = (float)((p[c] - example.Target[c]) * example.Weight);
            headGradient.Bias[c] += dLogit;
            var row = headGradient.Weights.AsSpan(c * head.Features, head.Features);
            TensorPrimitives.MultiplyAdd(x, dLogit, row, row);
            TensorPrimitives.MultiplyAdd(head.Weights.AsSpan(c * head.Features, head.Features), dLogit, dx, dx);
        }

        BackwardPooled(layer, pass, e, norm, dx.AsSpan(0, h), layerGradient);
        return loss * example.Weight;
    }

    /// <summary>From d(loss)/d(embedding) back through the unit-length step (e = s / |s|) and the sum over tokens (the count cancels) into the layer.</summary>
    private static void BackwardPooled(BertLayer layer, BertLayer.Pass pass, float[] e, float norm, ReadOnlySpan<float> de, BertLayer layerGradient)
    {
        var h = layer.Hidden;
        var ds = new float[h];
        var along = TensorPrimitives.Dot(e, de);
        for (var j = 0; j < h; j++)
        {
            ds[j] = norm > 0 ? (de[j] - (e[j] * along)) / norm : 0;
        }

        var dOutput = new float[pass.Output.Length];
        for (var t = 0; t < pass.Tokens; t++)
        {
            ds.CopyTo(dOutput, t * h);
        }

        layer.Backward(pass, dOutput, layerGradient);
    }

    /// <summary>
    /// The contrastive term for a pair of sentences in the same surface form, one ordinary and one
    /// risky ("I won't be here next week, I'm on holiday" beside "I won't be here next week"):
    /// weight x max(0, cos(e_a, e_b) - margin), so the layer is taught to set them apart where the
    /// package's layer puts them close. Returns the pair's cosine; adds the gradient when it is above the margin.
    /// </summary>
    public static double PairLoss(BertLayer layer, float[] statesA, float[] statesB, double margin, double weight, BertLayer? layerGradient = null)
    {
        var passA = layer.Forward(statesA);
        var passB = layer.Forward(statesB);
        var a = Pool(passA.Output, layer.Hidden, out var normA);
        var b = Pool(passB.Output, layer.Hidden, out var normB);
        var cos = TensorPrimitives.Dot(a, b);
        if (layerGradient is not null && cos > margin)
        {
            // d(a.b)/da = b and d(a.b)/db = a, for unit a and b; BackwardPooled projects out the part along each.
            var da = new float[b.Length];
            var db = new float[a.Length];
            TensorPrimitives.Multiply(b, (float)weight, da);
            TensorPrimitives.Multiply(a, (float)weight, db);
            BackwardPooled(layer, passA, a, normA, da, layerGradient);
            BackwardPooled(layer, passB, b, normB, db, layerGradient);
        }

        return cos;
    }
}
