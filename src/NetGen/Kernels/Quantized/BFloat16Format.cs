using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// bfloat16: the upper 16 bits of a float (sign, 8-bit exponent, 7-bit fraction), so it spans float's range with
/// 8 significant bits, and a pair of them decodes with one shift and one mask.
/// </summary>
internal readonly struct BFloat16Format :
    IPackedFormat, IPairDecoder<Vector512<float>>, IPairDecoder<Vector256<float>>, IPairDecoder<Vector128<float>>
{
    public static string Name => nameof(WeightFormat.BFloat16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        // Adding just under half a unit of the last place, plus the kept part's lowest bit, rounds ties to even.
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decode(ref uint source, nint offset, out Vector512<float> low, out Vector512<float> high)
    {
        Vector512<uint> pairs = Vector512.LoadUnsafe(ref source, (nuint)offset);
        low = Vector512.ShiftLeft(pairs, 16).AsSingle();
        high = (pairs & Vector512.Create(0xFFFF0000u)).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decode(ref uint source, nint offset, out Vector256<float> low, out Vector256<float> high)
    {
        Vector256<uint> pairs = Vector256.LoadUnsafe(ref source, (nuint)offset);
        low = Vector256.ShiftLeft(pairs, 16).AsSingle();
        high = (pairs & Vector256.Create(0xFFFF0000u)).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decode(ref uint source, nint offset, out Vector128<float> low, out Vector128<float> high)
    {
        Vector128<uint> pairs = Vector128.LoadUnsafe(ref source, (nuint)offset);
        low = Vector128.ShiftLeft(pairs, 16).AsSingle();
        high = (pairs & Vector128.Create(0xFFFF0000u)).AsSingle();
    }
}
