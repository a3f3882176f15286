using System.Collections.Generic;

namespace NetGen.Generator.Weights;

/// <summary>The dtypes the safetensors format defines, with their sizes in bytes; NetGen takes the floating ones of <see cref="IsFloatingPoint"/>.</summary>
internal static class SafetensorsDTypeSizes
{
    private static readonly Dictionary<string, int> Sizes = new()
    {
        ["F64"] = 8, ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2,
        ["I64"] = 8, ["I32"] = 4, ["I16"] = 2, ["I8"] = 1,
        ["U64"] = 8, ["U32"] = 4, ["U16"] = 2, ["U8"] = 1,
        ["BOOL"] = 1, ["F8_E5M2"] = 1, ["F8_E4M3"] = 1,
    };

    public static bool TryGetSize(string dtype, out int size) => Sizes.TryGetValue(dtype, out size);

    public static bool IsFloatingPoint(string dtype) => dtype is "F64" or "F32" or "F16" or "BF16";
}
