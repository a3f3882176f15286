namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// What a caller of the vector exponential knows of its arguments, so that the exponential leaves
    /// out the work those arguments never need; the results are the same bits either way.
    /// </summary>
    private enum ExpRange
    {
        /// <summary>Any argument, NaN and infinities included.</summary>
        Any,

        /// <summary>
        /// Arguments of at most 0, or NaN, as sigmoid's −|x|: e^x never overflows, so only the lower clamp
        /// is needed.
        /// </summary>
        NonPositive,

        /// <summary>
        /// Arguments from 0 to 20 (float) or 40 (double), never NaN in a lane whose result is used, as
        /// tanh's 2|x| after its clamp: no clamp, no NaN, and 2^k always normal.
        /// </summary>
        Moderate,
    }
}
