using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

internal static partial class Planner
{
    /// <summary>Values of the hidden layers' rows a piece of a batch may hold in one thread's inference scratch.</summary>
    public const int ForwardPieceValues = 1 << 18;

    /// <summary>Outputs copied one by one: a call to copy a handful of values costs more than the values themselves.</summary>
    public const int OutputCopyByValueLimit = 4;

    /// <summary>Inputs and outputs a layer may have for the one-sample path to be written out in registers.</summary>
    public const int RegisterLayerLimit = 64;

    /// <summary>Output vectors a layer may take at one width for that width's path to be written out.</summary>
    public const int RegisterVectorLimit = 8;

    /// <summary>
    /// Statements the register paths may write together, over every width, each a line of about 100
    /// characters: about 32 KB of the file whatever the network's depth. A spiral's paths or a 2-2-1's take
    /// a few dozen; a 16-32-32-1 controller's 512-bit path written out takes 171, and its narrower paths in
    /// loops 57 and 75, which fit; eight Tanh layers of 16 fit only in loops, at two widths, and
    /// 256-bit hardware runs their kernels.
    /// </summary>
    public const int RegisterStatementBudget = 320;

    private static InferencePlan PlanInference(NetworkShape network)
    {
        NetworkSpec spec = network.Spec;
        // Values of one 512-bit vector, the most a layer's last vector of one sample runs past its row.
        int samplePadding = network.Lanes(512);
        int sampleLength = spec.Layers.Sum(layer => PaddedRow(layer, samplePadding));
        return new InferencePlan(
            ForwardPiece(spec),
            samplePadding,
            sampleLength,
            CopiesOutputByValue: network.FinalLayer.OutputSize <= OutputCopyByValueLimit,
            RegisterPath: PlanRegisterPath(network, sampleLength + samplePadding));
    }

    /// <summary>
    /// The register path of each width, widest first, within <see cref="RegisterStatementBudget"/>. Every
    /// width starts with its layers' inputs in loops; while those are over the budget, the middle widths
    /// go first, then the widest, then the narrowest, and the hardware of a width left out runs each
    /// layer's kernel, which is as fast as a long path (a deep network's, say) in registers. What is left
    /// of the budget then writes whole widths out statement by statement, widest first: the newest
    /// hardware runs it, and it is the shortest.
    /// </summary>
    private static RegisterPathPlan? PlanRegisterPath(NetworkShape network, int stackRowsLength)
    {
        if (!HasRegisterPath(network.Spec))
            return null;
        var widths = RegisterWidths(network)
            .Select(bits => (WrittenOut: PlanRegisterWidth(network, bits, loops: false), Looped: PlanRegisterWidth(network, bits, loops: true)))
            .ToList();
        var kernelWidths = new List<int>();
        while (widths.Count > 0 && widths.Sum(width => Statements(network, width.Looped)) > RegisterStatementBudget)
        {
            int leftOut = widths.Count > 2 ? 1 : 0;
            kernelWidths.Add(widths[leftOut].Looped.Bits);
            widths.RemoveAt(leftOut);
        }
        if (widths.Count == 0)
            return null;
        int left = RegisterStatementBudget - widths.Sum(width => Statements(network, width.Looped));
        var plans = new List<RegisterWidthPlan>();
        foreach (var (writtenOut, looped) in widths)
        {
            int more = Statements(network, writtenOut) - Statements(network, looped);
            bool writes = more <= left;
            if (writes)
                left -= more;
            plans.Add(writes ? writtenOut : looped);
        }
        return new RegisterPathPlan(plans.ToEquatableArray(), kernelWidths.OrderByDescending(bits => bits).ToEquatableArray(), stackRowsLength);
    }

    /// <summary>
    /// The statements a path writes, about: for each layer its partial sums, a broadcast of each input it
    /// writes (where it has several output vectors) and a multiply-add for each of its vectors, and the
    /// activation and store of each vector; a loop writes one step of inputs and the inputs past the last
    /// whole step. A final dot product writes a multiply-add a vector and its output.
    /// </summary>
    private static int Statements(NetworkShape network, RegisterWidthPlan width) =>
        width.Layers.Select((layer, index) =>
        {
            int inputs = network.Layer(index + 1).InputSize, v = layer.Vectors, p = layer.PartialSums;
            int written = layer.Form == RegisterLayerForm.BroadcastInputsLoop ? p + inputs % p : inputs;
            return layer.Form == RegisterLayerForm.DotWithPrevious ? v + 1 : p * v + written * (v + (v > 1 ? 1 : 0)) + 2 * v;
        }).Sum();

    /// <summary>
    /// Samples a batch's Forward runs at a time: as many as keep the hidden rows of one thread's scratch
    /// within about a megabyte, at most 4096, so that the scratch is bounded whatever the batch and
    /// the rows stay in cache between layers.
    /// </summary>
    private static int ForwardPiece(NetworkSpec spec) =>
        System.Math.Max(1, System.Math.Min(4096, ForwardPieceValues / System.Math.Max(1, spec.Layers.Take(spec.Layers.Count - 1).Sum(l => l.OutputSize))));

    /// <summary>A layer's row of one sample's scratch: its outputs, padded to whole 512-bit vectors.</summary>
    private static int PaddedRow(DenseLayerSpec layer, int samplePadding) =>
        (layer.OutputSize + samplePadding - 1) / samplePadding * samplePadding;

    /// <summary>
    /// Small networks, every layer at most <see cref="RegisterLayerLimit"/> wide, may get the one-sample
    /// path in registers; the rest call a kernel per layer.
    /// </summary>
    private static bool HasRegisterPath(NetworkSpec spec) =>
        spec.Layers.All(l => l.InputSize <= RegisterLayerLimit && l.OutputSize <= RegisterLayerLimit);

    /// <summary>
    /// The widths, widest first, whose path is written out: those at which no layer takes more than
    /// <see cref="RegisterVectorLimit"/> vectors, each named by the widest vector it uses, so that
    /// a network whose layers all run narrower than a width does not get that width's path again.
    /// </summary>
    private static IEnumerable<int> RegisterWidths(NetworkShape network) =>
        new[] { 512, 256, 128 }
            .Where(bits => network.Spec.Layers.All(l => Vectors(l, network.Lanes(LayerBits(network, l, bits))) <= RegisterVectorLimit))
            .Select(bits => network.Spec.Layers.Max(l => LayerBits(network, l, bits)))
            .Distinct();

    /// <summary>
    /// The width a layer runs at on the path of <paramref name="bits"/>: the widest up to it that the
    /// layer fills beyond half, as <c>Dense.ForwardOne</c> picks, since a narrow layer in a wide
    /// vector pays for the lanes it does not use (a softmax sums them, a reduction spans them).
    /// </summary>
    private static int LayerBits(NetworkShape network, DenseLayerSpec layer, int bits) =>
        System.Math.Min(bits, layer.OutputSize > network.Lanes(256) ? 512 : layer.OutputSize > network.Lanes(128) ? 256 : 128);

    private static int Vectors(DenseLayerSpec layer, int lanes) => (layer.OutputSize + lanes - 1) / lanes;

    /// <summary>
    /// The path of one width: every layer in registers, up to a final dot product where one ends it;
    /// with <paramref name="loops"/>, a layer whose inputs fill at least two steps of its partial sums
    /// takes them in a loop.
    /// </summary>
    private static RegisterWidthPlan PlanRegisterWidth(NetworkShape network, int bits, bool loops)
    {
        var layers = new List<RegisterLayerPlan>();
        for (int l = 1; l <= network.LayerCount; l++)
        {
            if (IsRegisterDot(network, l, bits))
            {
                int previousBits = LayerBits(network, network.Layer(l - 1), bits), lanes = network.Lanes(previousBits);
                layers.Add(new RegisterLayerPlan(RegisterLayerForm.DotWithPrevious, previousBits, lanes, network.Layer(l).InputSize / lanes,
                    PartialSums: 1, StoresRow: false, OutputsFromRegister: true));
                break;
            }
            layers.Add(PlanRegisterLayer(network, l, bits, loops));
        }
        return new RegisterWidthPlan(bits, layers.ToEquatableArray());
    }

    /// <summary>
    /// A final layer of one output after a layer that fills whole vectors: a dot product of the
    /// previous layer's registers with the weight column (contiguous when there is one output),
    /// instead of broadcasting each input back from memory.
    /// </summary>
    private static bool IsRegisterDot(NetworkShape network, int l, int bits) =>
        l == network.LayerCount && l > 1 && network.FinalLayer.OutputSize == 1 && network.FinalLayer.Activation != ActivationKind.Softmax
        && network.Layer(l - 1).OutputSize % network.Lanes(LayerBits(network, network.Layer(l - 1), bits)) == 0;

    private static RegisterLayerPlan PlanRegisterLayer(NetworkShape network, int l, int bits, bool loops)
    {
        DenseLayerSpec layer = network.Layer(l);
        int layerBits = LayerBits(network, layer, bits), lanes = network.Lanes(layerBits), vectors = Vectors(layer, lanes);
        // Enough partial sums that the chains of multiply-adds keep two FMA pipes busy (4 cycles of
        // latency each), but no more than there are inputs to spread over them.
        int partials = System.Math.Min(System.Math.Min(4, (8 + vectors - 1) / vectors), layer.InputSize);
        // The final layer's few outputs go from the register straight to the caller; a softmax row
        // is stored before its softmax, which may need the row's maximum from memory.
        bool final = l == network.LayerCount;
        bool fromRegister = final && vectors == 1 && network.FinalLayer.OutputSize <= OutputCopyByValueLimit;
        bool stored = !final ? !IsRegisterDot(network, l + 1, bits) : layer.Activation == ActivationKind.Softmax || !fromRegister;
        // A loop that would run once is no shorter than its statements.
        RegisterLayerForm form = loops && layer.InputSize >= 2 * partials ? RegisterLayerForm.BroadcastInputsLoop : RegisterLayerForm.BroadcastInputs;
        return new RegisterLayerPlan(form, layerBits, lanes, vectors, partials, stored, fromRegister);
    }
}
