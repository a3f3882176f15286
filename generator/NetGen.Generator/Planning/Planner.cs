using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Turns what the user declared into how it is written: each layer's forward and backward form, the
/// fusions across layers, the training schedule and the inference paths. Every such rule and its
/// constant lives here, once; the emitter only writes the <see cref="NetworkPlan"/>.
/// </summary>
internal static partial class Planner
{
    /// <summary>Layers with at most this many weights are written out statement by statement.</summary>
    public const int UnrollLimit = 64;

    /// <summary>
    /// Weights the layers written out statement by statement may hold together, counted from the first
    /// layer: four layers at <see cref="UnrollLimit"/>. Each weight costs a few statements of the forward
    /// and backward passes, so a deep stack of small layers stays within about a hundred KB of the file;
    /// the layers past the budget call the product kernels.
    /// </summary>
    public const int UnrolledWeightBudget = 4 * UnrollLimit;

    /// <summary>
    /// From this many outputs on, an unrolled layer's forward statements run along its output row in
    /// Vector128s; below it, too few of a vector's lanes would be used to beat scalar statements.
    /// </summary>
    public const int VectorForwardOutputs = 3;

    public static NetworkPlan Plan(NetworkSpec spec)
    {
        var network = new NetworkShape(spec);
        FirstPairPlan? firstPair = PlanFirstPair(network);
        InferencePlan inference = PlanInference(network);
        LayerPlan[] layers = Enumerable.Range(1, spec.Layers.Count)
            .Select(l => PlanLayer(network, l, firstPair is not null, inference))
            .ToArray();
        return new NetworkPlan(
            layers.ToEquatableArray(),
            PlanTraining(network, firstPair, layers[0]),
            inference,
            network.Lanes(128),
            OutputThreshold(network.FinalLayer));
    }

    private static LayerPlan PlanLayer(NetworkShape network, int l, bool fusesFirstPair, InferencePlan inference)
    {
        DenseLayerSpec layer = network.Layer(l);
        bool unrolled = network.IsUnrolled(l);
        bool vectorRows = network.IsVectorRows(l);
        ForwardForm forward = vectorRows ? ForwardForm.VectorRows
            : !unrolled ? ForwardForm.ProductKernel
            : layer.OutputSize >= VectorForwardOutputs ? ForwardForm.UnrolledVectors
            : ForwardForm.Unrolled;
        BackwardForm backward = fusesFirstPair && l <= 2 ? BackwardForm.FusedFirstPair
            : vectorRows ? BackwardForm.VectorRows
            : unrolled ? BackwardForm.Unrolled
            : BackwardForm.ProductKernel;
        int lanes = network.Lanes(128);
        return new LayerPlan(
            Number: l,
            Forward: forward,
            Backward: backward,
            ForwardVectors: forward == ForwardForm.UnrolledVectors ? (layer.OutputSize + lanes - 1) / lanes : 0,
            // The previous layer's activation derivative rides along with the input gradient, unless
            // dropout sits between them (the mask comes first), there is no such layer, or the derivative
            // reads that layer's pre-activation, which the kernel's rows (its outputs) do not hold.
            AppliesPreviousDerivative: backward == BackwardForm.VectorRows && l > 1 && !network.Layer(l - 1).HasDropout
                && !KeepsPreActivation(network.Layer(l - 1)),
            KeepsPreActivation: KeepsPreActivation(layer),
            // A hidden layer's element-wise activation in place, applied by the product kernel to each block of rows it
            // completes (see MatrixProduct.Multiply). The last layer's activation is the loss's or the output's, Softmax
            // spans a row, and a kept pre-activation is activated out of place.
            FusesActivation: l < network.LayerCount && forward == ForwardForm.ProductKernel && !KeepsPreActivation(layer)
                && layer.Activation is not (ActivationKind.Identity or ActivationKind.Softmax),
            // Past the first layer, a layer too large to unroll takes its input gradient through the
            // product kernel, from weights transposed once per batch of TransposeFromBatch samples or more.
            TransposedForInputGradient: l > 1 && !unrolled,
            SplitByRows: l == 1 && SplitsFirstLayerByRows(network),
            // The first layer, which needs no input gradient, when every kernel that reads its weights is one that
            // reads panels (the product kernels, one sample through Dense.ForwardOne) and its outputs fill panels of
            // four 512-bit vectors: its forward products then read the weights where they lie instead of copying them.
            PanelWidth: l == 1 && forward == ForwardForm.ProductKernel && backward == BackwardForm.ProductKernel
                && inference.RegisterPath is null && layer.OutputSize % network.Lanes(4 * 512) == 0 ? network.Lanes(4 * 512) : 0,
            PaddedRow: PaddedRow(layer, inference.SamplePadding),
            SampleRow: network.Spec.Layers.Take(l - 1).Sum(previous => PaddedRow(previous, inference.SamplePadding)));
    }

    /// <summary>Whether a layer's activation's derivative reads the pre-activation, which training must then keep beside the output.</summary>
    private static bool KeepsPreActivation(DenseLayerSpec layer) =>
        ActivationTable.Of(layer.Activation).DerivativeSource == DerivativeSourceKind.PreActivation;

    /// <summary>Where a single output splits class 0 from class 1: the middle of a probability, else zero.</summary>
    private static double OutputThreshold(DenseLayerSpec finalLayer) =>
        finalLayer.Activation is ActivationKind.Sigmoid or ActivationKind.Softmax ? 0.5 : 0;

    /// <summary>The declared network with the measures every rule reads: its layers by number and its element type's lanes.</summary>
    private sealed class NetworkShape(NetworkSpec spec)
    {
        /// <summary>
        /// Whether each layer is written out statement by statement: at most <see cref="UnrollLimit"/>
        /// weights, and within what the layers before it leave of <see cref="UnrolledWeightBudget"/>.
        /// </summary>
        private readonly bool[] _unrolled = UnrolledLayers(spec);

        public NetworkSpec Spec => spec;

        public int LayerCount => spec.Layers.Count;

        /// <summary>Layer <paramref name="l"/>, numbered from 1 as in the generated code.</summary>
        public DenseLayerSpec Layer(int l) => spec.Layers[l - 1];

        public DenseLayerSpec FinalLayer => spec.Layers[LayerCount - 1];

        /// <summary>Values of the element type in a vector of <paramref name="bits"/>.</summary>
        public int Lanes(int bits) => bits / (spec.Precision == PrecisionKind.Double ? 64 : 32);

        /// <summary>
        /// A small layer whose input row is exactly one Vector256 of the element type: its products run
        /// along that row (<c>Dense.ForwardVectorRows</c>, <c>Dense.BackwardVectorRows</c>), which beats
        /// scalar statements when there are too few outputs to fill a vector the other way.
        /// </summary>
        public bool IsVectorRows(int l) => IsUnrolled(l) && Layer(l).InputSize == Lanes(256);

        /// <summary>Whether layer <paramref name="l"/> is written out statement by statement.</summary>
        public bool IsUnrolled(int l) => _unrolled[l - 1];

        private static bool[] UnrolledLayers(NetworkSpec spec)
        {
            var unrolled = new bool[spec.Layers.Count];
            int budget = UnrolledWeightBudget;
            for (int l = 0; l < unrolled.Length; l++)
            {
                int weights = spec.Layers[l].WeightCount;
                unrolled[l] = weights <= UnrollLimit && weights <= budget;
                if (unrolled[l])
                    budget -= weights;
            }
            return unrolled;
        }
    }
}
