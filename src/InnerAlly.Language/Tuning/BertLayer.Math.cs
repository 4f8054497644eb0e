using System.Numerics.Tensors;

namespace InnerAlly.Language.Tuning;

/// <summary>The arithmetic a layer is made of: dense layers, LayerNorm and GELU, each with its gradient.</summary>
public sealed partial class BertLayer
{
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
