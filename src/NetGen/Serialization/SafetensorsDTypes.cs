using System;

namespace NetGen;

/// <summary>What NetGen knows of each <see cref="SafetensorsDType"/>: its size and its spelling in a header.</summary>
internal static class SafetensorsDTypes
{
    /// <summary>The bytes one element takes.</summary>
    public static int Size(SafetensorsDType dtype) => dtype switch
    {
        SafetensorsDType.BOOL or SafetensorsDType.U8 or SafetensorsDType.I8 or SafetensorsDType.F8_E5M2 or SafetensorsDType.F8_E4M3 => 1,
        SafetensorsDType.I16 or SafetensorsDType.U16 or SafetensorsDType.F16 or SafetensorsDType.BF16 => 2,
        SafetensorsDType.I32 or SafetensorsDType.U32 or SafetensorsDType.F32 => 4,
        SafetensorsDType.I64 or SafetensorsDType.U64 or SafetensorsDType.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Not a safetensors dtype."),
    };

    /// <summary>Whether NetGen converts it to float and double: the four floating-point types PyTorch saves weights in.</summary>
    public static bool IsReadable(SafetensorsDType dtype) =>
        dtype is SafetensorsDType.F32 or SafetensorsDType.F64 or SafetensorsDType.F16 or SafetensorsDType.BF16;

    /// <summary>The dtype a header names, matched exactly (the format is case-sensitive), or false for a name it does not define.</summary>
    public static bool TryParse(string name, out SafetensorsDType dtype)
    {
        // Enum.TryParse would also take numbers and other cases, which the format does not allow.
        foreach (SafetensorsDType candidate in Enum.GetValues<SafetensorsDType>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.Ordinal))
            {
                dtype = candidate;
                return true;
            }
        }
        dtype = default;
        return false;
    }
}
