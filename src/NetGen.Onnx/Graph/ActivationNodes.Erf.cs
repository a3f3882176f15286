namespace NetGen.Onnx.Graph;

internal static partial class ActivationNodes
{
    // W. J. Cody's rational Chebyshev approximations of erf and erfc (Math. Comp. 23, 1969, as in netlib's
    // specfun CALERF), accurate to double's rounding: erf itself for |z| ≤ 0.46875, erfc(|z|) on (0.46875, 4]
    // and beyond. Each list is in Horner order, highest power first.
    private static readonly double[] ErfNumerator =
        [1.85777706184603153e-1, 3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03];
    private static readonly double[] ErfDenominator =
        [1, 2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];
    private static readonly double[] ErfcNearNumerator =
        [2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
         8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03];
    private static readonly double[] ErfcNearDenominator =
        [1, 1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
         3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03];
    private static readonly double[] ErfcFarNumerator =
        [1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4];
    private static readonly double[] ErfcFarDenominator =
        [1, 2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

    /// <summary>
    /// erf(z) from primitive operators, for double graphs, where ONNX Runtime has no Erf kernel: Cody's three
    /// approximations are each computed on every element and Where picks the one for |z|; the branches not
    /// taken may overflow or divide by zero, and are never selected there. e^−z² is taken as e^−⌊16z⌋²/256 · e^−(z² − that)
    /// so that the rounding of z² does not carry into erfc's tail.
    /// </summary>
    private static string Erf(Steps steps, string z)
    {
        string y = steps.Op("Abs", "erf.abs", [z]);
        string square = steps.Op("Mul", "erf.square", [z, z]);
        string small = steps.Op("Mul", "erf.small", [z, Rational(steps, "erf.small", square, ErfNumerator, ErfDenominator)]);

        // e^−y², split at y rounded down to a sixteenth.
        string sixteenths = steps.Op("Floor", "erf.sixteenths", [steps.Op("Mul", "erf.times_16", [y, steps.Constant("sixteen", 16)])]);
        string rounded = steps.Op("Div", "erf.rounded", [sixteenths, steps.Constant("sixteen", 16)]);
        string remainder = steps.Op("Mul", "erf.remainder",
            [steps.Op("Sub", "erf.y_minus_rounded", [y, rounded]), steps.Op("Add", "erf.y_plus_rounded", [y, rounded])]);
        string gaussian = steps.Op("Mul", "erf.gaussian",
            [steps.Op("Exp", "erf.exp_rounded", [steps.Op("Neg", "erf.neg_rounded_square", [steps.Op("Mul", "erf.rounded_square", [rounded, rounded])])]),
             steps.Op("Exp", "erf.exp_remainder", [steps.Op("Neg", "erf.neg_remainder", [remainder])])]);

        string near = Rational(steps, "erfc.near", y, ErfcNearNumerator, ErfcNearDenominator);
        // Beyond 4: (1/√π − r·P(r)/Q(r)) / y with r = 1/y².
        string r = steps.Op("Reciprocal", "erfc.far.r", [square]);
        string correction = steps.Op("Mul", "erfc.far.correction", [r, Rational(steps, "erfc.far", r, ErfcFarNumerator, ErfcFarDenominator)]);
        string far = steps.Op("Div", "erfc.far",
            [steps.Op("Sub", "erfc.far.numerator", [steps.Constant("one_over_sqrt_pi", 0.56418958354775628695), correction]), y]);
        string beyond4 = steps.Op("Greater", "erfc.beyond_4", [y, steps.Constant("four", 4)]);
        string erfcOfY = steps.Op("Mul", "erfc", [steps.Op("Where", "erfc.rational", [beyond4, far, near]), gaussian]);

        // erf(z) = sign(z)·(1 − erfc(|z|)) outside the central interval.
        string tail = steps.Op("Mul", "erf.tail", [steps.Op("Sign", "erf.sign", [z]), steps.Op("Sub", "erf.one_minus_erfc", [steps.Constant("one", 1), erfcOfY])]);
        string central = steps.Op("Greater", "erf.outside_central", [y, steps.Constant("erf_central_bound", 0.46875)]);
        return steps.Op("Where", "erf", [central, tail, small]);
    }

    /// <summary>numerator(s)/denominator(s), each polynomial in Horner's form from its coefficients, highest power first.</summary>
    private static string Rational(Steps steps, string name, string s, double[] numerator, double[] denominator) =>
        steps.Op("Div", $"{name}.ratio", [Horner(steps, $"{name}.numerator", s, numerator), Horner(steps, $"{name}.denominator", s, denominator)]);

    private static string Horner(Steps steps, string name, string s, double[] coefficients)
    {
        // A leading 1 starts from s itself.
        string sum = coefficients[0] == 1 ? s : steps.Op("Mul", $"{name}.0", [s, steps.Constant($"{name}.c0", coefficients[0])]);
        for (int k = 1; k < coefficients.Length; k++)
        {
            sum = steps.Op("Add", $"{name}.{k}", [sum, steps.Constant($"{name}.c{k}", coefficients[k])]);
            if (k < coefficients.Length - 1)
                sum = steps.Op("Mul", $"{name}.{k}.times", [sum, s]);
        }
        return sum;
    }
}
