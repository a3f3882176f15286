using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>Turns class labels into target rows.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Targets
{
    /// <summary>
    /// Writes one target row per label: one-hot over <paramref name="outputSize"/> classes, or for a
    /// single output the label itself, which must then be 0 or 1.
    /// </summary>
    public static void FromLabels<T>(ReadOnlySpan<int> labels, Span<T> targets, int outputSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(targets, labels.Length * outputSize, nameof(targets));
        int classes = outputSize == 1 ? 2 : outputSize;
        for (int s = 0; s < labels.Length; s++)
        {
            int label = labels[s];
            if ((uint)label >= (uint)classes)
                ThrowLabelOutOfRange(label, s, classes, outputSize);
            if (outputSize == 1)
            {
                targets[s] = T.CreateChecked(label);
                continue;
            }
            Span<T> row = targets.Slice(s * outputSize, outputSize);
            row.Clear();
            row[label] = T.One;
        }
    }

    /// <summary>Throws for the first label outside 0 to <paramref name="classes"/> − 1, before any of them is used.</summary>
    internal static void CheckInRange(ReadOnlySpan<int> labels, int classes)
    {
        for (int s = 0; s < labels.Length; s++)
            if ((uint)labels[s] >= (uint)classes)
                ThrowLabelOutOfRange(labels[s], s, classes, classes);
    }

    /// <summary>The one message for a label outside 0 to <paramref name="classes"/> − 1, wherever labels are read.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowLabelOutOfRange(int label, int index, int classes, int outputSize) =>
        throw new ArgumentException(
            $"Label {label} at index {index} is out of range: expected 0 to {classes - 1} for a network with OutputSize = {outputSize}.",
            "labels");
}
