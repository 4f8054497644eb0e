namespace InnerAlly.Language.Heads;

/// <summary>
/// What a sentence's token states say around its risk word, for the second stage (issue 14): a
/// mean-pooled vector has lost which words the risk word's negation, tense or reason are attached
/// to; the token states have not. The risk word is the word piece whose last-layer state leans
/// furthest towards risk along the first stage's own weights (the topic head's risk-minus-none
/// rows), so no extra locator is learnt. Read: that word piece's state, the mean of the
/// <see cref="Window"/> word pieces before it ("don't want to", "used to"), the mean of those after
/// it ("... I'm on holiday"), each made unit length, then where it sits and how much it stands out.
/// </summary>
public static class LocalReading
{
    public const int Window = 4;

    private const int Dims = Embedder.Dimensions;

    /// <summary>Three unit vectors of 384 and two numbers.</summary>
    public const int Length = (3 * Dims) + 2;

    /// <summary>The first stage's risk-minus-none directions over the embedding part of its input.</summary>
    public static float[][] Directions(SoftmaxHead topic) =>
        [.. Enumerable.Range(1, topic.Classes.Count - 1).Select(c =>
        {
            var d = new float[Dims];
            for (var j = 0; j < Dims; j++)
            {
                d[j] = topic.Weights[c][j] - topic.Weights[0][j];
            }

            return d;
        })];

    /// <param name="hidden">The sentence's last-layer token states, [CLS] first and [SEP] last, 384 per token.</param>
    public static float[] Read(ReadOnlySpan<float> hidden, float[][] directions)
    {
        var tokens = hidden.Length / Dims;

        // The words lie between [CLS] and [SEP]; a sentence with no word piece reads its two marks.
        var (first, last) = tokens > 2 ? (1, tokens - 2) : (0, tokens - 1);
        var best = first;
        var bestScore = double.NegativeInfinity;
        var total = 0.0;
        for (var t = first; t <= last; t++)
        {
            var state = hidden.Slice(t * Dims, Dims);
            var score = double.NegativeInfinity;
            foreach (var d in directions)
            {
                score = Math.Max(score, System.Numerics.Tensors.TensorPrimitives.Dot(state, d));
            }

            total += score;
            if (score > bestScore)
            {
                (best, bestScore) = (t, score);
            }
        }

        var x = new float[Length];
        AddUnit(x, 0, hidden, best, best);
        AddUnit(x, Dims, hidden, Math.Max(first, best - Window), best - 1);
        AddUnit(x, 2 * Dims, hidden, best + 1, Math.Min(last, best + Window));
        var words = last - first + 1;
        x[3 * Dims] = words > 1 ? (best - first) / (float)(words - 1) : 0;
        x[(3 * Dims) + 1] = words > 1 ? (float)Math.Tanh((bestScore - (total / words)) / 4) : 0;
        return x;
    }

    /// <summary>The mean of token states from..to (inclusive) written at x[offset..], unit length; zeros when the range is empty.</summary>
    private static void AddUnit(float[] x, int offset, ReadOnlySpan<float> hidden, int from, int to)
    {
        var target = x.AsSpan(offset, Dims);
        for (var t = from; t <= to; t++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(target, hidden.Slice(t * Dims, Dims), target);
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(target);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(target, norm, target);
        }
    }
}
