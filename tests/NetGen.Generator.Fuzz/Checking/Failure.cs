namespace NetGen.Generator.Fuzz.Checking;

/// <summary>One broken promise of the generator: <paramref name="Kind"/> groups failures for the tally, <paramref name="Detail"/> says what happened.</summary>
public sealed record Failure(string Kind, string Detail);
