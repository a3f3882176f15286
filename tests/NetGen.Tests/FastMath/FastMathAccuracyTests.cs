using System;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// The stated accuracy of FastMath: every result within 1 ulp of the exact value (the exact value
/// computed in double-double), over dense sweeps of each function's useful range and its tails.
/// </summary>
public class FastMathAccuracyTests(ITestOutputHelper output)
{
    /// <summary>The bound that every function's documentation states: under 1 ulp, that is, faithfully rounded.</summary>
    private const double MaxUlps = 1.0;

    public static TheoryData<Function> Functions => new(FastMathCases.Functions);

    [Theory, MemberData(nameof(Functions))]
    public void FloatIsWithinOneUlp(Function function) => CheckSweeps<float>(function);

    [Theory, MemberData(nameof(Functions))]
    public void DoubleIsWithinOneUlp(Function function) => CheckSweeps<double>(function);

    private void CheckSweeps<T>(Function function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool single = typeof(T) == typeof(float);
        (double Low, double High, int Count)[] sweeps = function switch
        {
            // The whole range where e^x is neither 0 nor ∞, subnormal results included; then near 0.
            Function.Exp => single
                ? [(-104, 89, 1_000_000), (-1, 1, 250_000)]
                : [(-745.2, 709.8, 1_000_000), (-1, 1, 250_000)],
            // The useful range; then out to where σ underflows to 0 and saturates to 1.
            Function.Sigmoid => single
                ? [(-20, 20, 1_000_000), (-105, 30, 250_000)]
                : [(-20, 20, 1_000_000), (-746, 40, 250_000)],
            // The useful range; then around the switch from polynomial to quotient at 0.55.
            _ => [(-20, 20, 1_000_000), (-1, 1, 250_000)],
        };
        foreach (var (low, high, count) in sweeps)
        {
            var x = new T[count];
            for (int k = 0; k < count; k++)
                x[k] = T.CreateTruncating(low + (high - low) * k / (count - 1));
            Check(function, x, $"[{low}, {high}], {count} points");
        }

        // Tiny arguments, on a logarithmic scale from the subnormals up, where tanh x ≈ x and
        // e^x ≈ 1 + x: the cases that a careless formula gets wrong by cancellation.
        int decades = single ? 45 : 323, perDecade = 200;
        var tiny = new T[2 * decades * perDecade];
        for (int k = 0; k < decades * perDecade; k++)
        {
            T value = T.CreateTruncating(Math.Pow(10, -decades + (double)k / perDecade));
            tiny[2 * k] = value;
            tiny[2 * k + 1] = -value;
        }
        Check(function, tiny, $"±10^[−{decades}, 0]");
    }

    private void Check<T>(Function function, T[] x, string sweep) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var y = new T[x.Length];
        FastMathCases.Span<T>(function, x, y);
        double worst = 0;
        T worstAt = T.Zero;
        for (int k = 0; k < x.Length; k++)
        {
            double error = Ulp.Error(y[k], FastMathCases.Reference(function, double.CreateTruncating(x[k])));
            if (error > worst)
                (worst, worstAt) = (error, x[k]);
            // The scalar form is what the span form's tails use; it must be the same function.
            T scalar = FastMathCases.Scalar(function, x[k]);
            if (Ulp.Distance(scalar, y[k]) != 0)
                Assert.Fail($"{FastMathCases.Name<T>(function)}({x[k]:R}): the scalar form gives {scalar:R}, the span form {y[k]:R}.");
        }
        output.WriteLine($"{FastMathCases.Name<T>(function)} over {sweep}: max error {worst:F4} ulp at x = {worstAt:R}");
        Assert.True(worst < MaxUlps,
            $"{FastMathCases.Name<T>(function)} over {sweep}: {worst:F4} ulp at x = {worstAt:R}, expected under {MaxUlps}.");
    }
}
