namespace InnerAlly.Language.Heads;

/// <summary>
/// Multinomial logistic regression over a fixed feature vector: the small trained layer that sits
/// on top of the sentence embedding and the cues. Predicting is a matrix-vector product, so it
/// is thread-safe and costs microseconds; training is full-batch gradient descent with Adam and L2,
/// deterministic for the same data.
/// </summary>
public sealed class SoftmaxHead
{
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Weights[class][feature].</summary>
    public required float[][] Weights { get; init; }

    public required float[] Bias { get; init; }

    public double[] Predict(ReadOnlySpan<float> x)
    {
        var scores = new double[Classes.Count];
        for (var c = 0; c < scores.Length; c++)
        {
            var w = Weights[c];
            double s = Bias[c];
            for (var j = 0; j < x.Length; j++)
            {
                s += w[j] * x[j];
            }

            scores[c] = s;
        }

        return Softmax(scores);
    }


    private static double[] Softmax(double[] input)
    {
        var scores = (double[])input.Clone();
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }

        return scores;
    }

    /// <param name="targets">Per example, a probability per class (one-hot, or shared between several labels).</param>
    /// <param name="weights">Per example, how much it counts (used to balance classes).</param>
    public static SoftmaxHead Train(
        IReadOnlyList<string> classes, IReadOnlyList<float[]> x, IReadOnlyList<double[]> targets,
        IReadOnlyList<double> weights, double l2, int epochs = 400, double rate = 0.05)
    {
        var n = x.Count;
        var d = x[0].Length;
        var k = classes.Count;
        var w = new float[k][];
        var mw = new float[k][];
        var vw = new float[k][];
        var gw = new float[k][];
        for (var c = 0; c < k; c++)
        {
            (w[c], mw[c], vw[c], gw[c]) = (new float[d], new float[d], new float[d], new float[d]);
        }

        var b = new double[k];
        var (mb, vb) = (new double[k], new double[k]);
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var totalWeight = weights.Sum();
        var scores = new double[k];
        var gb = new double[k];

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var c = 0; c < k; c++)
            {
                Array.Clear(gw[c]);
            }

            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                var xi = x[i];
                for (var c = 0; c < k; c++)
                {
                    scores[c] = b[c] + Dot(w[c], xi);
                }

                var p = Softmax(scores);
                var wi = weights[i] / totalWeight;
                for (var c = 0; c < k; c++)
                {
                    var err = (p[c] - targets[i][c]) * wi;
                    gb[c] += err;
                    AddScaled(gw[c], xi, (float)err);
                }
            }

            var correction1 = 1 - Math.Pow(beta1, epoch);
            var correction2 = 1 - Math.Pow(beta2, epoch);
            for (var c = 0; c < k; c++)
            {
                var (wc, mc, vc, gc) = (w[c], mw[c], vw[c], gw[c]);
                for (var j = 0; j < d; j++)
                {
                    var g = gc[j] + l2 * wc[j];
                    mc[j] = (float)(beta1 * mc[j] + (1 - beta1) * g);
                    vc[j] = (float)(beta2 * vc[j] + (1 - beta2) * g * g);
                    wc[j] -= (float)(rate * (mc[j] / correction1) / (Math.Sqrt(vc[j] / correction2) + eps));
                }

                mb[c] = beta1 * mb[c] + (1 - beta1) * gb[c];
                vb[c] = beta2 * vb[c] + (1 - beta2) * gb[c] * gb[c];
                b[c] -= rate * (mb[c] / correction1) / (Math.Sqrt(vb[c] / correction2) + eps);
            }
        }

        return new SoftmaxHead { Classes = classes, Weights = w, Bias = [.. b.Select(v => (float)v)] };
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        var width = System.Numerics.Vector<float>.Count;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }

        double total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void AddScaled(float[] into, float[] x, float scale)
    {
        var width = System.Numerics.Vector<float>.Count;
        var s = new System.Numerics.Vector<float>(scale);
        var i = 0;
        for (; i <= into.Length - width; i += width)
        {
            (new System.Numerics.Vector<float>(into, i) + s * new System.Numerics.Vector<float>(x, i)).CopyTo(into, i);
        }

        for (; i < into.Length; i++)
        {
            into[i] += scale * x[i];
        }
    }
}
