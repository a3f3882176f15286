using System.Text;
using NetGen;

/// <summary>The README's ONNX export, writing into a folder of its own.</summary>
static class OnnxExporting
{
    public static bool Run(string folder)
    {
        Directory.CreateDirectory(folder);
        var net = new SpiralNet(seed: 42);
        string path = Path.Combine(folder, "spiral.onnx");
        net.ExportOnnx(path);

        // A ModelProto opens with field 1, ir_version, as a varint (tag 0x08): 7. The weights carry PyTorch's
        // names, and every one of the 63 parameters is in the file, 4 bytes each.
        byte[] bytes = File.ReadAllBytes(path);
        string text = Encoding.Latin1.GetString(bytes);
        return bytes is [0x08, 0x07, ..] && text.Contains("NetGen") && text.Contains("0.weight") && text.Contains("2.bias")
            && bytes.Length > 4 * SpiralNet.ParameterCount;
    }
}
