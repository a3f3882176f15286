namespace NetGen;

/// <summary>The element type of a generated network.</summary>
public enum Precision
{
    /// <summary>32-bit <see cref="float"/>.</summary>
    Single,
    /// <summary>64-bit <see cref="double"/>.</summary>
    Double,
}
