using System.Numerics.Tensors;

namespace InnerAlly.Language.Tuning;

/// <summary>
/// One BERT encoder layer as MiniLM's ONNX graph computes it (post-LayerNorm): self-attention
/// (Q, K, V, softmax(QKᵀ/√d) V per head, an output dense layer, residual, LayerNorm) then the
/// feed-forward block (dense, exact GELU, dense, residual, LayerNorm). Matrices are [in, out]
/// row-major, as the ONNX MatMul initialisers store them. Forward keeps what backward needs;
/// backward adds each parameter's gradient into a <see cref="BertLayer"/> of the same shape. Used
/// by the layer tuner and its tests, never on a request.
/// </summary>
public sealed class BertLayer
{
    public const float LayerNormEpsilon = 1e-12f;

    public int Hidden { get; }

    public int Heads { get; }

    public int Inner { get; }

    private int HeadSize => Hidden / Heads;

    public float[] Wq { get; }

    public float[] Bq { get; }

    public float[] Wk { get; }

    public float[] Bk { get; }

    public float[] Wv { get; }

    public float[] Bv { get; }

    public float[] Wo { get; }

    public float[] Bo { get; }

    public float[] Ln1Gamma { get; }

    public float[] Ln1Beta { get; }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] W2 { get; }

    public float[] B2 { get; }

    public float[] Ln2Gamma { get; }

    public float[] Ln2Beta { get; }

    /// <summary>A layer of zeros (a gradient accumulator, or weights to fill in).</summary>
    public BertLayer(int hidden, int heads, int inner)
    {
        if (hidden % heads != 0)
        {
            throw new ArgumentException("The hidden size must divide into the heads.", nameof(heads));
        }

        (Hidden, Heads, Inner) = (hidden, heads, inner);
        (Wq, Wk, Wv, Wo) = (new float[hidden * hidden], new float[hidden * hidden], new float[hidden * hidden], new float[hidden * hidden]);
        (Bq, Bk, Bv, Bo) = (new float[hidden], new float[hidden], new float[hidden], new float[hidden]);
        (Ln1Gamma, Ln1Beta, Ln2Gamma, Ln2Beta) = (new float[hidden], new float[hidden], new float[hidden], new float[hidden]);
        (W1, B1, W2, B2) = (new float[hidden * inner], new float[inner], new float[inner * hidden], new float[hidden]);
    }

    /// <summary>Every parameter, named by its role; the order is fixed (serialisation and optimiser state follow it).</summary>
    public IReadOnlyList<(string Name, float[] Values)> Parameters =>
    [
        ("attention.self.query.weight", Wq), ("attention.self.query.bias", Bq),
        ("attention.self.key.weight", Wk), ("attention.self.key.bias", Bk),
        ("attention.self.value.weight", Wv), ("attention.self.value.bias", Bv),
        ("attention.output.dense.weight", Wo), ("attention.output.dense.bias", Bo),
        ("attention.output.LayerNorm.weight", Ln1Gamma), ("attention.output.LayerNorm.bias", Ln1Beta),
        ("intermediate.dense.weight", W1), ("intermediate.dense.bias", B1),
        ("output.dense.weight", W2), ("output.dense.bias", B2),
        ("output.LayerNorm.weight", Ln2Gamma), ("output.LayerNorm.bias", Ln2Beta),
    ];

    public BertLayer Clone()
    {
        var copy = new BertLayer(Hidden, Heads, Inner);
        foreach (var ((_, from), (_, to)) in Parameters.Zip(copy.Parameters))
        {
            from.CopyTo(to, 0);
        }

        return copy;
    }

    public BertLayer ZerosLike() => new(Hidden, Heads, Inner);

    public void Clear()
    {
        foreach (var (_, values) in Parameters)
        {
            Array.Clear(values);
        }
    }

    /// <summary>What one forward pass over a sequence of <see cref="Tokens"/> token states keeps for backward.</summary>
    public sealed class Pass
    {
        internal Pass(int tokens, BertLayer layer)
        {
            Tokens = tokens;
            var h = layer.Hidden;
            Input = new float[tokens * h];
            (Q, K, V, Context) = (new float[tokens * h], new float[tokens * h], new float[tokens * h], new float[tokens * h]);
            Attention = new float[layer.Heads * tokens * tokens];
            (Norm1, Hat1, InvStd1) = (new float[tokens * h], new float[tokens * h], new float[tokens]);
            (Pre, Act) = (new float[tokens * layer.Inner], new float[tokens * layer.Inner]);
            (Output, Hat2, InvStd2) = (new float[tokens * h], new float[tokens * h], new float[tokens]);
        }

        public int Tokens { get; }

        internal float[] Input { get; }

        internal float[] Q { get; }

        internal float[] K { get; }

        internal float[] V { get; }

        internal float[] Attention { get; }

        internal float[] Context { get; }

        internal float[] Norm1 { get; }

        internal float[] Hat1 { get; }

        internal float[] InvStd1 { get; }

        internal float[] Pre { get; }

        internal float[] Act { get; }

        internal float[] Hat2 { get; }

        internal float[] InvStd2 { get; }

        /// <summary>The layer's output, [tokens, hidden].</summary>
        public float[] Output { get; }
    }

    /// <param name="input">[tokens, hidden] token states from the layer below, one sequence without padding.</param>
    public Pass Forward(ReadOnlySpan<float> input)
    {
        var h = Hidden;
        var t = input.Length / h;
        var pass = new Pass(t, this);
        input.CopyTo(pass.Input);
        Dense(pass.Input, t, h, Wq, Bq, h, pass.Q);
        Dense(pass.Input, t, h, Wk, Bk, h, pass.K);
        Dense(pass.Input, t, h, Wv, Bv, h, pass.V);

        var d = HeadSize;
        var scale = 1f / MathF.Sqrt(d);
        for (var head = 0; head < Heads; head++)
        {
            var offset = head * d;
            for (var i = 0; i < t; i++)
            {
                var row = pass.Attention.AsSpan(((head * t) + i) * t, t);
                var qi = pass.Q.AsSpan((i * h) + offset, d);
                for (var j = 0; j < t; j++)
                {
                    row[j] = TensorPrimitives.Dot(qi, pass.K.AsSpan((j * h) + offset, d)) * scale;
                }

                TensorPrimitives.SoftMax(row, row);
                var ci = pass.Context.AsSpan((i * h) + offset, d);
                for (var j = 0; j < t; j++)
                {
                    TensorPrimitives.MultiplyAdd(pass.V.AsSpan((j * h) + offset, d), row[j], ci, ci);
                }
            }
        }

        var residual1 = new float[t * h];
        Dense(pass.Context, t, h, Wo, Bo, h, residual1);
        TensorPrimitives.Add(residual1, pass.Input, residual1);
        LayerNorm(residual1, t, Ln1Gamma, Ln1Beta, pass.Norm1, pass.Hat1, pass.InvStd1);

        Dense(pass.Norm1, t, h, W1, B1, Inner, pass.Pre);
        for (var i = 0; i < pass.Pre.Length; i++)
        {
            pass.Act[i] = Gelu(pass.Pre[i]);
        }

        var residual2 = new float[t * h];
        Dense(pass.Act, t, Inner, W2, B2, h, residual2);
        TensorPrimitives.Add(residual2, pass.Norm1, residual2);
        LayerNorm(residual2, t, Ln2Gamma, Ln2Beta, pass.Output, pass.Hat2, pass.InvStd2);
        return pass;
    }

    /// <summary>Adds the gradient of the loss with respect to every parameter into <paramref name="gradient"/>, given d(loss)/d(output).</summary>
    public void Backward(Pass pass, ReadOnlySpan<float> outputGradient, BertLayer gradient)
    {
        var h = Hidden;
        var t = pass.Tokens;

        // Second LayerNorm, then the feed-forward block; the residual carries the gradient past it.
        var dResidual2 = new float[t * h];
        LayerNormBackward(outputGradient, pass.Hat2, pass.InvStd2, t, Ln2Gamma, gradient.Ln2Gamma, gradient.Ln2Beta, dResidual2);
        var dAct = new float[t * Inner];
        DenseBackward(pass.Act, t, Inner, W2, h, dResidual2, gradient.W2, gradient.B2, dAct);
        for (var i = 0; i < dAct.Length; i++)
        {
            dAct[i] *= GeluDerivative(pass.Pre[i]);
        }

        var dNorm1 = (float[])dResidual2.Clone();
        DenseBackward(pass.Norm1, t, h, W1, Inner, dAct, gradient.W1, gradient.B1, dNorm1, accumulate: true);

        // First LayerNorm, then attention's output layer.
        var dResidual1 = new float[t * h];
        LayerNormBackward(dNorm1, pass.Hat1, pass.InvStd1, t, Ln1Gamma, gradient.Ln1Gamma, gradient.Ln1Beta, dResidual1);
        var dContext = new float[t * h];
        DenseBackward(pass.Context, t, h, Wo, h, dResidual1, gradient.Wo, gradient.Bo, dContext);

        var (dQ, dK, dV) = (new float[t * h], new float[t * h], new float[t * h]);
        var d = HeadSize;
        var scale = 1f / MathF.Sqrt(d);
        var dScores = new float[t];
        for (var head = 0; head < Heads; head++)
        {
            var offset = head * d;
            for (var i = 0; i < t; i++)
            {
                var p = pass.Attention.AsSpan(((head * t) + i) * t, t);
                var dci = dContext.AsSpan((i * h) + offset, d);
                for (var j = 0; j < t; j++)
                {
                    dScores[j] = TensorPrimitives.Dot(dci, pass.V.AsSpan((j * h) + offset, d));
                    var dvj = dV.AsSpan((j * h) + offset, d);
                    TensorPrimitives.MultiplyAdd(dci, p[j], dvj, dvj);
                }

                // Softmax: dS = P * (dP - sum(P * dP)), then the 1/sqrt(d) scale.
                var dot = TensorPrimitives.Dot(p, dScores.AsSpan(0, t));
                var dqi = dQ.AsSpan((i * h) + offset, d);
                var qi = pass.Q.AsSpan((i * h) + offset, d);
                for (var j = 0; j < t; j++)
                {
                    var ds = p[j] * (dScores[j] - dot) * scale;
                    TensorPrimitives.MultiplyAdd(pass.K.AsSpan((j * h) + offset, d), ds, dqi, dqi);
                    var dkj = dK.AsSpan((j * h) + offset, d);
                    TensorPrimitives.MultiplyAdd(qi, ds, dkj, dkj);
                }
            }
        }

        // The input's own gradient is not needed: the layers below are frozen.
        WeightGradient(pass.Input, t, h, dQ, h, gradient.Wq, gradient.Bq);
        WeightGradient(pass.Input, t, h, dK, h, gradient.Wk, gradient.Bk);
        WeightGradient(pass.Input, t, h, dV, h, gradient.Wv, gradient.Bv);
    }

    /// <summary>output[r, :] = bias + input[r, :] · weight, weight being [inner, cols].</summary>
    private static void Dense(ReadOnlySpan<float> input, int rows, int inner, float[] weight, float[] bias, int cols, Span<float> output)
    {
        for (var r = 0; r < rows; r++)
        {
            var o = output.Slice(r * cols, cols);
            bias.CopyTo(o);
            for (var k = 0; k < inner; k++)
            {
                var a = input[(r * inner) + k];
                if (a != 0)
                {
                    TensorPrimitives.MultiplyAdd(weight.AsSpan(k * cols, cols), a, o, o);
                }
            }
        }
    }

    /// <summary>Weight and bias gradients of a dense layer, and (into inputGradient) d(loss)/d(input) = dOut · weightᵀ.</summary>
    private static void DenseBackward(float[] input, int rows, int inner, float[] weight, int cols, float[] outputGradient, float[] weightGradient, float[] biasGradient, float[] inputGradient, bool accumulate = false)
    {
        WeightGradient(input, rows, inner, outputGradient, cols, weightGradient, biasGradient);
        for (var r = 0; r < rows; r++)
        {
            var dOut = outputGradient.AsSpan(r * cols, cols);
            for (var k = 0; k < inner; k++)
            {
                var g = TensorPrimitives.Dot(dOut, weight.AsSpan(k * cols, cols));
                inputGradient[(r * inner) + k] = accumulate ? inputGradient[(r * inner) + k] + g : g;
            }
        }
    }

    private static void WeightGradient(float[] input, int rows, int inner, float[] outputGradient, int cols, float[] weightGradient, float[] biasGradient)
    {
        for (var r = 0; r < rows; r++)
        {
            var dOut = outputGradient.AsSpan(r * cols, cols);
            TensorPrimitives.Add(biasGradient, dOut, biasGradient);
            for (var k = 0; k < inner; k++)
            {
                var a = input[(r * inner) + k];
                if (a != 0)
                {
                    var w = weightGradient.AsSpan(k * cols, cols);
                    TensorPrimitives.MultiplyAdd(dOut, a, w, w);
                }
            }
        }
    }

    private static void LayerNorm(float[] x, int rows, float[] gamma, float[] beta, float[] output, float[] hat, float[] invStd)
    {
        var h = gamma.Length;
        for (var r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * h, h);
            var mean = TensorPrimitives.Sum(row) / h;
            var hr = hat.AsSpan(r * h, h);
            TensorPrimitives.Subtract(row, mean, hr);
            var variance = TensorPrimitives.SumOfSquares(hr) / h;
            invStd[r] = 1f / MathF.Sqrt(variance + LayerNormEpsilon);
            TensorPrimitives.Multiply(hr, invStd[r], hr);
            var o = output.AsSpan(r * h, h);
            TensorPrimitives.FusedMultiplyAdd(hr, gamma, beta, o);
        }
    }

    private static void LayerNormBackward(ReadOnlySpan<float> outputGradient, float[] hat, float[] invStd, int rows, float[] gamma, float[] gammaGradient, float[] betaGradient, float[] inputGradient)
    {
        var h = gamma.Length;
        var dHat = new float[h];
        for (var r = 0; r < rows; r++)
        {
            var dy = outputGradient.Slice(r * h, h);
            var xh = hat.AsSpan(r * h, h);
            for (var j = 0; j < h; j++)
            {
                gammaGradient[j] += dy[j] * xh[j];
                betaGradient[j] += dy[j];
            }

            TensorPrimitives.Multiply(dy, gamma, dHat);
            var meanDHat = TensorPrimitives.Sum(dHat) / h;
            var meanDHatHat = TensorPrimitives.Dot(dHat, xh) / h;
            var dx = inputGradient.AsSpan(r * h, h);
            for (var j = 0; j < h; j++)
            {
                dx[j] = invStd[r] * (dHat[j] - meanDHat - (xh[j] * meanDHatHat));
            }
        }
    }

    /// <summary>GELU as the graph computes it: x/2 (1 + erf(x/√2)).</summary>
    public static float Gelu(float x) => 0.5f * x * (1f + Erf(x / MathF.Sqrt(2f)));

    private static float GeluDerivative(float x) =>
        (0.5f * (1f + Erf(x / MathF.Sqrt(2f)))) + (x * MathF.Exp(-0.5f * x * x) / MathF.Sqrt(2f * MathF.PI));

    /// <summary>The error function (Abramowitz and Stegun 7.1.26, error under 1.5e-7), which .NET lacks.</summary>
    public static float Erf(float x)
    {
        var sign = x < 0 ? -1.0 : 1.0;
        var a = Math.Abs((double)x);
        var t = 1.0 / (1.0 + (0.3275911 * a));
        var poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        var y = 1.0 - (poly * Math.Exp(-a * a));
        return (float)(sign * y);
    }
}
