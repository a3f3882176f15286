namespace NetGen.Generator;

/// <summary>Names of the pipeline's steps, so that tests can ask whether each was cached.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string CollidingHintNames = nameof(CollidingHintNames);
    public const string Stub = nameof(Stub);
    public const string WeightsFile = nameof(WeightsFile);
    public const string WeightsFiles = nameof(WeightsFiles);
    public const string ListedBinaryFiles = nameof(ListedBinaryFiles);
    public const string CompiledWeights = nameof(CompiledWeights);
    public const string OnnxParse = nameof(OnnxParse);
    public const string OnnxFile = nameof(OnnxFile);
    public const string OnnxFiles = nameof(OnnxFiles);
    public const string OnnxNetwork = nameof(OnnxNetwork);
}
