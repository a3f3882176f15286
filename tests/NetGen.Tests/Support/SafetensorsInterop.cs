using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace NetGen.Tests.Support;

/// <summary>
/// What Data/make_safetensors_interop.py recorded from PyTorch (Data/safetensors_interop.json): the files it wrote and
/// the ones NetGen wrote that it read back, each with the model, the precision and PyTorch's outputs on the script's
/// inputs, which the tests compare a network's Forward with.
/// </summary>
public static class SafetensorsInterop
{
    public static JsonElement Data { get; } = Load();

    /// <summary>An entry's name in a theory: its file and the precision it is read in.</summary>
    public static string Key(JsonElement entry) => $"{entry.GetProperty("file").GetString()} as {entry.GetProperty("precision").GetString()}";

    /// <summary>The entry of <paramref name="group"/> ("loads" or "netgen") named <paramref name="key"/>.</summary>
    public static JsonElement Entry(string group, string key) => Data.GetProperty(group).EnumerateArray().Single(e => Key(e) == key);

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    /// <summary>Runs <paramref name="network"/> on the script's inputs for the entry's model and checks PyTorch's outputs.</summary>
    public static void AssertOutputsMatch<T>(INetwork<T> network, JsonElement entry, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] inputs = [.. Data.GetProperty("inputs").GetProperty(entry.GetProperty("model").GetString()!).EnumerateArray().SelectMany(Numbers)];
        T[] input = [.. inputs.Select(T.CreateTruncating)];
        var output = new T[input.Length / network.InputSize * network.OutputSize];
        network.Forward(input, output);
        Close.Elements([.. output.Select(double.CreateTruncating)], Numbers(entry.GetProperty("outputs")), tolerance, Key(entry));
    }

    private static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "safetensors_interop.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
