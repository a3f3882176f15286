using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Optimizer.Tests.Support;

/// <summary>One optimizer run recorded by PyTorch: its settings and, per step, loss, gradient and parameters after the step.</summary>
public sealed record TrajectoryCase(
    string Name,
    string Optimizer,
    IReadOnlyDictionary<string, JsonElement> Hyperparameters,
    Loss Loss,
    double[]? LearningRates,
    double[] Losses,
    double[][] Gradients,
    double[][] Parameters)
{
    public int Steps => Parameters.Length;

    public double Hyperparameter(string name) => Hyperparameters[name].GetDouble();

    public bool Flag(string name) => Hyperparameters[name].GetBoolean();

    public override string ToString() => Name;
}

/// <summary>
/// Data/optimizer_expectations.json, written by Data/make_optimizer_expectations.py (PyTorch 1.13, float64):
/// the shared starting parameters and batch, and every case's trajectory. Parameters are in the canonical
/// order of ExportParameters.
/// </summary>
public sealed class PyTorchExpectations
{
    public const string FileName = "optimizer_expectations.json";

    private static readonly Lazy<PyTorchExpectations> Loaded = new(Load);

    public static PyTorchExpectations Instance => Loaded.Value;

    public required string TorchVersion { get; init; }
    public required int Batch { get; init; }
    public required double[] Inputs { get; init; }
    public required int[] Labels { get; init; }
    public required double[] Targets { get; init; }
    public required double[] InitialParameters { get; init; }
    public required IReadOnlyList<TrajectoryCase> Cases { get; init; }

    public TrajectoryCase Case(string name) =>
        Cases.SingleOrDefault(c => c.Name == name)
        ?? throw new InvalidOperationException($"{FileName} has no case named {name}; rerun make_optimizer_expectations.py.");

    private static PyTorchExpectations Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", FileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new TrajectoryCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("optimizer").GetString()!,
            c.GetProperty("hyperparameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            Enum.Parse<Loss>(c.GetProperty("loss").GetString()!),
            c.GetProperty("learning_rates").ValueKind == JsonValueKind.Null ? null : Doubles(c.GetProperty("learning_rates")),
            Doubles(c.GetProperty("losses")),
            Rows(c.GetProperty("gradients")),
            Rows(c.GetProperty("parameters")))).ToList();
        return new PyTorchExpectations
        {
            TorchVersion = root.GetProperty("torch_version").GetString()!,
            Batch = root.GetProperty("batch").GetInt32(),
            Inputs = Doubles(root.GetProperty("inputs")),
            Labels = root.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            Targets = Doubles(root.GetProperty("targets")),
            InitialParameters = Doubles(root.GetProperty("initial_parameters")),
            Cases = cases,
        };
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static double[][] Rows(JsonElement array) => array.EnumerateArray().Select(Doubles).ToArray();
}
