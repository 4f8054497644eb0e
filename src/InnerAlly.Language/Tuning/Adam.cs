namespace InnerAlly.Language.Tuning;

/// <summary>Adam over the layer's parameters and the head's, each with its own rate.</summary>
internal sealed class Adam
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly List<(float[] Values, float[] M, float[] V, double Rate)> _slots = [];
    private int _step;

    public Adam(BertLayer layer, PooledHead head, double layerRate, double headRate)
    {
        foreach (var (_, values) in layer.Parameters)
        {
            _slots.Add((values, new float[values.Length], new float[values.Length], layerRate));
        }

        _slots.Add((head.Weights, new float[head.Weights.Length], new float[head.Weights.Length], headRate));
        _slots.Add((head.Bias, new float[head.Bias.Length], new float[head.Bias.Length], headRate));
    }

    public void Step(BertLayer layerGradient, PooledHead headGradient, double scale)
    {
        _step++;
        var c1 = 1 - Math.Pow(Beta1, _step);
        var c2 = 1 - Math.Pow(Beta2, _step);
        var gradients = layerGradient.Parameters.Select(p => p.Values).Append(headGradient.Weights).Append(headGradient.Bias).ToList();
        for (var s = 0; s < _slots.Count; s++)
        {
            var (w, m, v, rate) = _slots[s];
            var g = gradients[s];
            for (var j = 0; j < w.Length; j++)
            {
                var gj = g[j] * scale;
                m[j] = (float)((Beta1 * m[j]) + ((1 - Beta1) * gj));
                v[j] = (float)((Beta2 * v[j]) + ((1 - Beta2) * gj * gj));
                w[j] -= (float)(rate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + Epsilon));
            }
        }
    }
}
