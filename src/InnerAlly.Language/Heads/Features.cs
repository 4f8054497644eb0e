namespace InnerAlly.Language.Heads;

/// <summary>How an embedding and its cues become one input vector; training and analysis share it.</summary>
public static class Features
{
    public static float[] Sentence(float[] embedding, float[] cues)
    {
        var x = new float[embedding.Length + cues.Length];
        embedding.CopyTo(x, 0);
        cues.CopyTo(x, embedding.Length);
        return x;
    }

    /// <summary>What the second stage reads: "sentence" (embedding and cues, as the first stage), "local" (the token states around the risk word, <see cref="LocalReading"/>, and the cues) or both.</summary>
    public static float[] Second(string? reads, float[] sentence, float[]? local, float[]? neighbours = null) => reads switch
    {
        null or SecondReads.Sentence => sentence,
        SecondReads.SentenceAndLocal => [.. sentence, .. local!],
        SecondReads.Local => [.. local!, .. sentence.AsSpan(Embedder.Dimensions)],
        SecondReads.SentenceAndNeighbours => [.. sentence, .. neighbours!],
        _ => throw new InvalidDataException($"Unknown second-stage input \"{reads}\"."),
    };

    /// <summary>A whole text: the mean of its sentence embeddings, made unit length again, and each cue if any sentence has it.</summary>
    public static float[] Text(IReadOnlyList<float[]> embeddings, IReadOnlyList<float[]> cues)
    {
        var dims = embeddings[0].Length;
        var x = new float[dims + cues[0].Length];
        foreach (var e in embeddings)
        {
            for (var j = 0; j < dims; j++)
            {
                x[j] += e[j];
            }
        }

        var norm = 0.0;
        for (var j = 0; j < dims; j++)
        {
            norm += x[j] * x[j];
        }

        norm = Math.Sqrt(norm);
        for (var j = 0; j < dims && norm > 0; j++)
        {
            x[j] = (float)(x[j] / norm);
        }

        foreach (var c in cues)
        {
            for (var j = 0; j < c.Length; j++)
            {
                x[dims + j] = Math.Max(x[dims + j], c[j]);
            }
        }

        return x;
    }
}

/// <summary>The second stage's inputs (<see cref="LanguageModel.SecondReads"/>).</summary>
public static class SecondReads
{
    public const string Sentence = "sentence";
    public const string SentenceAndLocal = "sentence+local";
    public const string Local = "local";
    public const string SentenceAndNeighbours = "sentence+neighbours";

    public static readonly IReadOnlyList<string> All = [Sentence, SentenceAndLocal, Local, SentenceAndNeighbours];

    /// <summary>
    /// The sentences either side of one in its text, as the second stage reads them: the unit-length
    /// mean of their embeddings, and 1 when there is one (so "I won't be here next week." is read
    /// with "I'm on holiday with friends." after it). Zeros for a sentence alone.
    /// </summary>
    public static float[] Neighbours(IReadOnlyList<float[]> embeddings, int index)
    {
        var x = new float[Embedder.Dimensions + 1];
        var any = false;
        foreach (var k in new[] { index - 1, index + 1 })
        {
            if (k >= 0 && k < embeddings.Count)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(x.AsSpan(0, Embedder.Dimensions), embeddings[k].AsSpan(0, Embedder.Dimensions), x.AsSpan(0, Embedder.Dimensions));
                any = true;
            }
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(x.AsSpan(0, Embedder.Dimensions));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(x.AsSpan(0, Embedder.Dimensions), norm, x.AsSpan(0, Embedder.Dimensions));
        }

        x[Embedder.Dimensions] = any ? 1 : 0;
        return x;
    }

    public static bool NeedsLocal(string? reads) => reads is SentenceAndLocal or Local;
}
