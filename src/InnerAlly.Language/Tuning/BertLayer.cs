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
public sealed partial class BertLayer
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
}
