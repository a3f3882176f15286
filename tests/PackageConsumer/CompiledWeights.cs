using NetGen;

/// <summary>The README's network with compiled-in weights: it predicts as the same file loaded at run time does.</summary>
static class CompiledWeights
{
    public static bool Run()
    {
        float[] pixels = Enumerable.Range(0, MnistNet.InputSize).Select(i => (i * 37 % 255) / 255f).ToArray();
        var mnist = new MnistNet();                                // the file's parameters: no file, no parsing at run time
        int digit = mnist.Predict(pixels);

        var loaded = new LoadedMnistNet();
        loaded.LoadSafetensors(Path.Combine(AppContext.BaseDirectory, "mnist.safetensors"));
        return digit == loaded.Predict(pixels) && mnist.Parameters.SequenceEqual(loaded.Parameters);
    }
}
