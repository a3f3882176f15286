using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The declared optimizer as NetGen.Kernels.OptimizerSettings, its constants written in the network's
        /// precision; NetworkTraining keeps the state arrays those settings use and takes the steps.
        /// </summary>
        private string OptimizerSettings()
        {
            OptimizerSpec optimizer = spec.Optimizer;
            string settings = $"OptimizerSettings<{T}>";
            string rate = Literal(optimizer.LearningRate);
            return optimizer.Kind switch
            {
                OptimizerKind.Sgd => $"{settings}.Sgd({rate}, momentum: {Literal(optimizer.Momentum)}, dampening: {Literal(optimizer.Dampening)}, "
                    + $"nesterov: {Bool(optimizer.Nesterov)}, weightDecay: {Literal(optimizer.WeightDecay)})",
                OptimizerKind.Adam or OptimizerKind.AdamW => $"{settings}.Adam({rate}, beta1: {Literal(optimizer.Beta1)}, beta2: {Literal(optimizer.Beta2)}, "
                    + $"epsilon: {Literal(optimizer.Epsilon)}, weightDecay: {Literal(optimizer.WeightDecay)}, "
                    + $"decoupledWeightDecay: {Bool(optimizer.Kind == OptimizerKind.AdamW)}, amsGrad: {Bool(optimizer.AmsGrad)})",
                _ => $"{settings}.RmsProp({rate}, alpha: {Literal(optimizer.Alpha)}, epsilon: {Literal(optimizer.Epsilon)}, "
                    + $"momentum: {Literal(optimizer.Momentum)}, centered: {Bool(optimizer.Centered)}, weightDecay: {Literal(optimizer.WeightDecay)})",
            };
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
