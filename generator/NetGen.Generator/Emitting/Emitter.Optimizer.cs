using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>The optimizer's state arrays, only those its settings use.</summary>
        private IEnumerable<(string Field, string Meaning)> OptimizerState()
        {
            OptimizerSpec optimizer = spec.Optimizer;
            switch (optimizer.Kind)
            {
                case OptimizerKind.Sgd:
                    if (optimizer.Momentum != 0)
                        yield return ("_momentumBuffer", "momentum buffer b");
                    break;
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW:
                    yield return ("_firstMoment", "first moment m");
                    yield return ("_secondMoment", "second moment v");
                    if (optimizer.AmsGrad)
                        yield return ("_maxSecondMoment", "running maximum of v (AMSGrad)");
                    break;
                default:
                    yield return ("_squareAverage", "squared-gradient average s");
                    if (optimizer.Centered)
                        yield return ("_gradientAverage", "gradient average (centered)");
                    if (optimizer.Momentum > 0)
                        yield return ("_momentumBuffer", "momentum buffer b");
                    break;
            }
        }

        private void WriteOptimizerFields()
        {
            foreach (var (field, meaning) in OptimizerState())
                writer.Line($"private readonly {T}[] {field} = new {T}[ParameterCount]; // {meaning}");
            writer.Line("private long _optimizerStep;");
        }

        private void WriteOptimizer()
        {
            OptimizerSpec optimizer = spec.Optimizer;
            writer.Line($"/// <summary>Applies one {optimizer.Kind} step to <see cref=\"Parameters\"/> using <see cref=\"Gradients\"/>.</summary>");
            WriteTrainingMember("public void ApplyGradients()", "ApplyGradients", () =>
            {
                writer.Line("_optimizerStep++;");
                WriteByParameterBlocks(ChunkMode.Update, "Update(0, ParameterCount);");
            });
            writer.Line();
            writer.Line("/// <summary>The optimizer step on parameters [start, start + length); each parameter's update depends on that parameter alone.</summary>");
            using (writer.Open("private void Update(int start, int length)"))
            {
                switch (optimizer.Kind)
                {
                    case OptimizerKind.Sgd:
                        writer.Line($"Optimizers.Sgd<{T}>({ParameterSlice}, {Slice("_gradients")}, {StateSlice("_momentumBuffer")}, LearningRate, "
                            + $"momentum: {Literal(optimizer.Momentum)}, dampening: {Literal(optimizer.Dampening)}, nesterov: {Bool(optimizer.Nesterov)}, "
                            + $"weightDecay: {Literal(optimizer.WeightDecay)}, firstStep: _optimizerStep == 1);");
                        break;
                    case OptimizerKind.Adam:
                    case OptimizerKind.AdamW:
                        writer.Line($"Optimizers.Adam<{T}>({ParameterSlice}, {Slice("_gradients")}, {Slice("_firstMoment")}, {Slice("_secondMoment")}, {StateSlice("_maxSecondMoment")}, LearningRate, "
                            + $"beta1: {Literal(optimizer.Beta1)}, beta2: {Literal(optimizer.Beta2)}, epsilon: {Literal(optimizer.Epsilon)}, "
                            + $"weightDecay: {Literal(optimizer.WeightDecay)}, decoupledWeightDecay: {Bool(optimizer.Kind == OptimizerKind.AdamW)}, "
                            + $"amsGrad: {Bool(optimizer.AmsGrad)}, step: _optimizerStep);");
                        break;
                    default:
                        writer.Line($"Optimizers.RmsProp<{T}>({ParameterSlice}, {Slice("_gradients")}, {Slice("_squareAverage")}, {StateSlice("_gradientAverage")}, {StateSlice("_momentumBuffer")}, LearningRate, "
                            + $"alpha: {Literal(optimizer.Alpha)}, epsilon: {Literal(optimizer.Epsilon)}, momentum: {Literal(optimizer.Momentum)}, "
                            + $"centered: {Bool(optimizer.Centered)}, weightDecay: {Literal(optimizer.WeightDecay)});");
                        break;
                }
            }
            writer.Line();
            writer.Line("/// <summary>Clears the optimizer's state, as if no step had been taken.</summary>");
            WriteTrainingMember("public void ResetOptimizer()", "ResetOptimizer", () =>
            {
                foreach (var (field, _) in OptimizerState())
                    writer.Line($"Array.Clear({field});");
                writer.Line("_optimizerStep = 0;");
            });
            writer.Line();
        }

        /// <summary>The parameter range [start, start + length) of an array.</summary>
        private string Slice(string field) => $"new {Span}({field}, start, length)";

        /// <summary>The parameter range [start, start + length) of the parameters themselves.</summary>
        private string ParameterSlice => ParameterRange(Span, "start", "length");

        /// <summary>The parameter range of a state array, or an empty span where the settings need none.</summary>
        private string StateSlice(string field) => OptimizerState().Any(state => state.Field == field) ? Slice(field) : "default";

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
