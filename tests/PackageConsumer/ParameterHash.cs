/// <summary>A trained network's parameters reduced to 64 bits, to compare runs bit for bit.</summary>
static class ParameterHash
{
    // FNV-1a over each value's bits: any difference in any bit of any parameter changes it.
    public static string Of(ReadOnlySpan<float> parameters)
    {
        ulong hash = 14695981039346656037;
        foreach (float parameter in parameters)
        {
            hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(parameter)) * 1099511628211;
        }
        return hash.ToString("x16");
    }
}
