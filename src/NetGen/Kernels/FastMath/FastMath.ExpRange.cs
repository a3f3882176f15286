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
    }
}
