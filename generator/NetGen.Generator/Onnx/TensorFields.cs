using System.Collections.Generic;

namespace NetGen.Generator.Onnx;

/// <summary>
/// A TensorProto's fields as the reader meets them, in whatever order the file writes them, kept until the
/// message ends, when the data type is known and the values can be checked against the dims. raw_data is kept
/// as its place in the input, so that nothing is copied before its length is known to fit.
/// </summary>
internal sealed class TensorFields
{
    public string Name = "";
    public int DataType;
    public int DataLocation;
    public bool HasExternalData;
    public bool HasRawData;
    public int RawStart;
    public int RawLength;
    public readonly List<long> Dims = [];
    public readonly List<float> FloatData = [];
    public readonly List<double> DoubleData = [];
    public readonly List<long> Int32Data = [];
    public readonly List<long> Int64Data = [];
}
