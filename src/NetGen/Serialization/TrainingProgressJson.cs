using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NetGen;

/// <summary>
/// A <see cref="TrainingProgress"/>'s reports and scalars as JSON, the way a checkpoint's metadata holds them (its
/// arrays the size of the data or the network travel as tensors): doubles as they round-trip, and the values JSON
/// has no number for (NaN, infinities) as the strings "NaN", "Infinity" and "-Infinity".
/// </summary>
internal static class TrainingProgressJson
{
    public static string Write(TrainingProgress progress)
    {
        TrainingProgress.RunState state = progress.State;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("epochs");
            foreach (EpochReport report in progress.Epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", report.Epoch);
                WriteDouble(json, "loss", report.Loss);
                WriteDouble(json, "accuracy", report.Accuracy);
                WriteDouble(json, "validationLoss", report.ValidationLoss);
                WriteDouble(json, "validationAccuracy", report.ValidationAccuracy);
                WriteDouble(json, "learningRate", report.LearningRate);
                json.WriteNumber("elapsedTicks", report.Elapsed.Ticks);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("bestEpoch", progress.BestEpoch);
            json.WriteBoolean("stoppedEarly", progress.StoppedEarly);
            json.WriteStartArray("shuffle");
            foreach (ulong word in state.Shuffle)
                json.WriteStringValue(word.ToString(CultureInfo.InvariantCulture));
            json.WriteEndArray();
            WriteDouble(json, "initialRate", state.InitialRate);
            WriteDouble(json, "monitored", state.Monitored);
            WriteDouble(json, "best", state.Best);
            json.WriteNumber("epochsWithoutImprovement", state.EpochsWithoutImprovement);
            json.WriteNumber("step", state.Step);
            WriteDouble(json, "intervalLoss", state.IntervalLoss);
            json.WriteNumber("intervalCount", state.IntervalCount);
            json.WriteStartArray("schedule");
            foreach (double value in state.Schedule)
                WriteDouble(json, null, value);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The progress that <paramref name="text"/> describes, with the arrays that travel as tensors. Anything
    /// malformed throws <see cref="InvalidDataException"/> naming the <paramref name="source"/> and the field.
    /// </summary>
    public static TrainingProgress Read(string text, string source, int[] order, double[] parameters, double[]? bestParameters)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            var epochs = new List<EpochReport>();
            foreach (JsonElement report in Field(root, "epochs").EnumerateArray())
            {
                epochs.Add(new EpochReport(
                    Field(report, "epoch").GetInt32(), Double(Field(report, "loss")), NullableDouble(Field(report, "accuracy")),
                    NullableDouble(Field(report, "validationLoss")), NullableDouble(Field(report, "validationAccuracy")),
                    Double(Field(report, "learningRate")), TimeSpan.FromTicks(Field(report, "elapsedTicks").GetInt64())));
            }
            if (epochs.Select((report, index) => report.Epoch != index + 1).Any(wrong => wrong))
                throw new FormatException("the epochs are not numbered 1, 2, … in order");
            ulong[] shuffle = Field(root, "shuffle").EnumerateArray().Select(w => ulong.Parse(w.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            _ = new SeededRandom(0) { State = shuffle };
            var state = new TrainingProgress.RunState(
                shuffle, order, Double(Field(root, "initialRate")), Double(Field(root, "monitored")), Double(Field(root, "best")),
                NonNegative(Field(root, "epochsWithoutImprovement").GetInt32()), Field(root, "step").GetInt64(), Double(Field(root, "intervalLoss")),
                NonNegative(Field(root, "intervalCount").GetInt32()), Field(root, "schedule").EnumerateArray().Select(Double).ToArray(),
                parameters, bestParameters);
            int bestEpoch = Field(root, "bestEpoch").GetInt32();
            if (bestEpoch < 0 || bestEpoch > epochs.Count)
                throw new FormatException($"bestEpoch {bestEpoch} is not one of the {epochs.Count} epochs");
            return new TrainingProgress(epochs, bestEpoch, Field(root, "stoppedEarly").GetBoolean(), state);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException
            or KeyNotFoundException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"The checkpoint {source} has a trainer progress that is not valid: {exception.Message}", exception);
        }
    }

    private static JsonElement Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value : throw new KeyNotFoundException($"it has no '{name}'");

    private static int NonNegative(int value) => value >= 0 ? value : throw new FormatException($"a count is {value}");

    private static void WriteDouble(Utf8JsonWriter json, string? name, double? value)
    {
        if (name is not null)
            json.WritePropertyName(name);
        if (value is not { } number)
            json.WriteNullValue();
        else if (double.IsFinite(number))
            json.WriteNumberValue(number);
        else
            json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
    }

    private static double Double(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"'{other}' is not a number"),
        }
        : element.GetDouble();

    private static double? NullableDouble(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : Double(element);
}
