using System;

namespace NetGen;

/// <summary>Declares the number of values in one input sample.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InputAttribute(int size) : Attribute
{
    /// <summary>The number of values in one input sample.</summary>
    public int Size { get; } = size;
}
