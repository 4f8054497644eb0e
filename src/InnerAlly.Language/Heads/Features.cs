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
