using System;
using System.Collections.Generic;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// The stated accuracy of FastMath: every result within its function's bound (<see cref="FastMathCases.MaxUlps"/>)
/// of the exact value (computed in double-double), over dense sweeps of each function's useful range
/// and its tails, inside its stated domain.
/// </summary>
public class FastMathAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<Function> Functions => new(FastMathCases.Functions);

    [Theory, MemberData(nameof(Functions))]
    public void FloatIsWithinItsBound(Function function) => CheckSweeps<float>(function);

    [Theory, MemberData(nameof(Functions))]
    public void DoubleIsWithinItsBound(Function function) => CheckSweeps<double>(function);

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
            Function.Tanh => [(-20, 20, 1_000_000), (-1, 1, 250_000)],
            // Where e^x − 1 is neither −1 nor ∞; then around the switch of method at ±ln 2 / 2.
            Function.ExpM1 => single
                ? [(-20, 89, 1_000_000), (-1, 1, 250_000)]
                : [(-40, 709.8, 1_000_000), (-1, 1, 250_000)],
            // The stated domain; then around the halving of 1 + x at √2 − 1.
            Function.Log1p => [(0, 1, 1_000_000), (0.4, 0.43, 250_000)],
            // The stated domain out to where e^x underflows to 0; then softplus's useful range.
            _ => single
                ? [(-104, 0, 1_000_000), (-20, 0, 250_000)]
                : [(-746, 0, 1_000_000), (-40, 0, 250_000)],
        };
        foreach (var (low, high, count) in sweeps)
        {
            var x = new T[count];
            for (int k = 0; k < count; k++)
                x[k] = T.CreateTruncating(low + (high - low) * k / (count - 1));
            Check(function, x, $"[{low}, {high}], {count} points");
        }

        // Tiny arguments, on a logarithmic scale from the subnormals up, where tanh x ≈ x and
        // e^x ≈ 1 + x: the cases that a careless formula gets wrong by cancellation (of either sign
        // where the domain has both).
        int decades = single ? 45 : 323, perDecade = 200;
        var tiny = new List<T>(2 * decades * perDecade);
        for (int k = 0; k < decades * perDecade; k++)
        {
            double value = Math.Pow(10, -decades + (double)k / perDecade);
            foreach (double signed in new[] { value, -value })
                if (FastMathCases.InDomain(function, signed))
                    tiny.Add(T.CreateTruncating(signed));
        }
        Check(function, tiny.ToArray(), $"±10^[−{decades}, 0]");
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
        double bound = FastMathCases.MaxUlps(function);
        Assert.True(worst < bound,
            $"{FastMathCases.Name<T>(function)} over {sweep}: {worst:F4} ulp at x = {worstAt:R}, expected under {bound}.");
    }
}
