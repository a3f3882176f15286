using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the public surface of a network whose declaration has errors: the sizes that are known, and
/// every member of the contract throwing, so that the code that uses the network still binds and the
/// NG error is the only error the user sees (as dotnet/runtime's generators do).
/// </summary>
internal static class StubEmitter
{
    public static string Emit(StubSpec stub) =>
        LineBreaker.BreakAll(Emitter.WriteFile(stub.Type, writer => WriteClass(stub, writer), []));

    private static void WriteClass(StubSpec stub, IndentedWriter writer)
    {
        string t = stub.Precision == PrecisionKind.Double ? "double" : "float";
        string span = $"global::System.Span<{t}>", readOnlySpan = $"global::System.ReadOnlySpan<{t}>", labels = "global::System.ReadOnlySpan<int>";
        string network = $"global::NetGen.INetwork<{t}>";
        string fail = $"throw new global::System.InvalidOperationException(\"'{stub.Type.Name.TrimStart('@')}' is not generated: its declaration has errors ({stub.ErrorId}); fix them to generate the network.\")";

        writer.Line($"/// <summary>The public surface of a network whose declaration has errors ({stub.ErrorId}); every member throws.</summary>");
        writer.Line(Emitter.GeneratedCodeAttribute);
        using (writer.Open($"partial {stub.Type.Keyword} {stub.Type.Name} : {network}"))
        {
            foreach (var (name, value) in new[] { ("InputSize", stub.InputSize), ("OutputSize", stub.OutputSize), ("ParameterCount", stub.ParameterCount) })
            {
                if (value is { } known)
                    writer.Line($"public const int {name} = {known};");
                writer.Line($"int {network}.{name} => {fail};");
            }
            if (stub.WithConstructor)
                writer.Line($"public {stub.Type.Name}(int seed = 0) => {fail};");
            writer.Line($"public {span} Parameters => {fail};");
            writer.Line($"public {span} Gradients => {fail};");
            writer.Line($"public int DegreeOfParallelism {{ get => {fail}; set => {fail}; }}");
            writer.Line($"public {t} LearningRate {{ get => {fail}; set => {fail}; }}");
            writer.Line($"global::NetGen.Loss {network}.Loss => {fail};");
            writer.Line($"public static global::NetGen.NetworkDescription Description => {fail};");
            writer.Line($"global::NetGen.NetworkDescription {network}.Description => {fail};");
            writer.Line($"{t} {network}.OutputThreshold => {fail};");
            writer.Line($"public void ExportParameters({span} destination) => {fail};");
            writer.Line($"public void ExportGradients({span} destination) => {fail};");
            writer.Line($"public void ImportParameters({readOnlySpan} source) => {fail};");
            writer.Line($"public void Forward({readOnlySpan} input, {span} output) => {fail};");
            writer.Line($"public int Predict({readOnlySpan} input) => {fail};");
            writer.Line($"public {t} ComputeGradients({readOnlySpan} inputs, {readOnlySpan} targets) => {fail};");
            writer.Line($"public {t} ComputeGradients({readOnlySpan} inputs, {labels} labels) => {fail};");
            writer.Line($"public {t} TrainStep({readOnlySpan} inputs, {readOnlySpan} targets) => {fail};");
            writer.Line($"public {t} TrainStep({readOnlySpan} inputs, {labels} labels) => {fail};");
            writer.Line($"public void ApplyGradients() => {fail};");
            writer.Line($"public void ResetOptimizer() => {fail};");
            writer.Line($"public {stub.Type.Name} Clone() => {fail};");
            writer.Line($"{network} {network}.Clone() => {fail};");
        }
    }
}
