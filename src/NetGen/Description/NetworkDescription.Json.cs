using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetGen;

public sealed partial class NetworkDescription
{
    /// <summary>
    /// The description as one line of JSON, so that a saved file says what architecture it holds:
    /// <c>{"precision", "loss", "inputSize", "outputSize", "parameterCount", "l1", "l2", "layers": [{"inputSize", "outputSize",
    /// "activation", "negativeSlope", "dropout", "init", "initScale", "name", "weightName", "biasName", "parameterOffset"}, …],
    /// "optimizer": {"kind", "learningRate", …}}</c>, with enums by name and numbers as they round-trip.
    /// </summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("precision", Precision.ToString());
            json.WriteString("loss", Loss.ToString());
            json.WriteNumber("inputSize", InputSize);
            json.WriteNumber("outputSize", OutputSize);
            json.WriteNumber("parameterCount", ParameterCount);
            json.WriteNumber("l1", L1);
            json.WriteNumber("l2", L2);
            json.WriteStartArray("layers");
            foreach (LayerDescription layer in Layers)
            {
                json.WriteStartObject();
                json.WriteNumber("inputSize", layer.InputSize);
                json.WriteNumber("outputSize", layer.OutputSize);
                json.WriteString("activation", layer.Activation.ToString());
                if (layer.Activation == Activation.LeakyReLU)
                    json.WriteNumber("negativeSlope", layer.NegativeSlope);
                json.WriteNumber("dropout", layer.Dropout);
                json.WriteString("init", layer.Init.ToString());
                json.WriteNumber("initScale", layer.InitScale);
                json.WriteString("name", layer.Name);
                json.WriteString("weightName", layer.WeightName);
                json.WriteString("biasName", layer.BiasName);
                json.WriteNumber("parameterOffset", layer.ParameterOffset);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteOptimizer(json, Optimizer);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOptimizer(Utf8JsonWriter json, OptimizerDescription optimizer)
    {
        // Every setting, whether or not the kind uses it, so that a reader needs no table of which kind has which.
        json.WriteStartObject("optimizer");
        json.WriteString("kind", optimizer.Kind.ToString());
        json.WriteNumber("learningRate", optimizer.LearningRate);
        json.WriteNumber("momentum", optimizer.Momentum);
        json.WriteNumber("dampening", optimizer.Dampening);
        json.WriteBoolean("nesterov", optimizer.Nesterov);
        json.WriteNumber("weightDecay", optimizer.WeightDecay);
        json.WriteNumber("beta1", optimizer.Beta1);
        json.WriteNumber("beta2", optimizer.Beta2);
        json.WriteNumber("epsilon", optimizer.Epsilon);
        json.WriteBoolean("amsGrad", optimizer.AmsGrad);
        json.WriteNumber("alpha", optimizer.Alpha);
        json.WriteBoolean("centered", optimizer.Centered);
        json.WriteEndObject();
    }
}
