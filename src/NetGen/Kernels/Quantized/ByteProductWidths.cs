using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>512 bits: <c>vpmaddubsw</c> then <c>vpmaddwd</c> by ones (AVX-512 BW).</summary>
internal readonly struct BytePairs512 : IByteProductWidth<Vector512<byte>, Vector512<int>>
{
    public static int Bytes => Vector512<byte>.Count;

    public static Vector512<int> Zero => Vector512<int>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Load(ref byte source, nint offset) => Vector512.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> MultiplyAdd(Vector512<int> sums, Vector512<byte> x, ref sbyte weights, nint offset) =>
        sums + Avx512BW.MultiplyAddAdjacent(
            Avx512BW.MultiplyAddAdjacent(x, Vector512.LoadUnsafe(ref weights, (nuint)offset)), Vector512<short>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Sums(Vector512<int> s0, Vector512<int> s1, Vector512<int> s2, Vector512<int> s3) =>
        BytePairs256.Sums(s0.GetLower() + s0.GetUpper(), s1.GetLower() + s1.GetUpper(), s2.GetLower() + s2.GetUpper(), s3.GetLower() + s3.GetUpper());
}

/// <summary>256 bits: <c>vpmaddubsw</c> then <c>vpmaddwd</c> by ones (AVX2).</summary>
internal readonly struct BytePairs256 : IByteProductWidth<Vector256<byte>, Vector256<int>>
{
    public static int Bytes => Vector256<byte>.Count;

    public static Vector256<int> Zero => Vector256<int>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Load(ref byte source, nint offset) => Vector256.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> MultiplyAdd(Vector256<int> sums, Vector256<byte> x, ref sbyte weights, nint offset) =>
        sums + Avx2.MultiplyAddAdjacent(
            Avx2.MultiplyAddAdjacent(x, Vector256.LoadUnsafe(ref weights, (nuint)offset)), Vector256<short>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Sums(Vector256<int> s0, Vector256<int> s1, Vector256<int> s2, Vector256<int> s3)
    {
        Vector256<int> r = Avx2.HorizontalAdd(Avx2.HorizontalAdd(s0, s1), Avx2.HorizontalAdd(s2, s3));
        return r.GetLower() + r.GetUpper();
    }
}

/// <summary>128 bits: <c>pmaddubsw</c> (SSSE3) then <c>pmaddwd</c> by ones (SSE2).</summary>
internal readonly struct BytePairs128 : IByteProductWidth<Vector128<byte>, Vector128<int>>
{
    public static int Bytes => Vector128<byte>.Count;

    public static Vector128<int> Zero => Vector128<int>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Load(ref byte source, nint offset) => Vector128.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> MultiplyAdd(Vector128<int> sums, Vector128<byte> x, ref sbyte weights, nint offset) =>
        sums + Sse2.MultiplyAddAdjacent(
            Ssse3.MultiplyAddAdjacent(x, Vector128.LoadUnsafe(ref weights, (nuint)offset)), Vector128<short>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Sums(Vector128<int> s0, Vector128<int> s1, Vector128<int> s2, Vector128<int> s3) =>
        Ssse3.HorizontalAdd(Ssse3.HorizontalAdd(s0, s1), Ssse3.HorizontalAdd(s2, s3));
}
