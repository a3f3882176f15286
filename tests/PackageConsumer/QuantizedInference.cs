using NetGen;

/// <summary>The README's inference in fewer bytes: the digits classifier with Int8 weights, against the float one.</summary>
static class QuantizedInference
{
    public static bool Run(DigitsNet classifier, Standardization<float> scaler, Dataset<float> test)
    {
        QuantizedNetwork compact = classifier.Quantize(WeightFormat.Int8);   // or WeightFormat.BFloat16
        float[] sample = scaler.Apply(test).FeaturesOf(0).ToArray();
        Span<float> probabilities = stackalloc float[DigitsNet.OutputSize];
        compact.Forward(sample, probabilities);                              // one sample, or a batch of rows
        int digit = compact.Predict(sample);

        Dataset<float> standardized = scaler.Apply(test);
        int agree = 0;
        for (int i = 0; i < standardized.Count; i++)
            agree += compact.Predict(standardized.FeaturesOf(i)) == classifier.Predict(standardized.FeaturesOf(i)) ? 1 : 0;
        Console.WriteLine($"     Int8 weights: {compact.Bytes} bytes against float's {4 * DigitsNet.ParameterCount}; "
            + $"first test digit {digit} (float: {classifier.Predict(sample)}); {agree} of {standardized.Count} predictions as float's");
        return agree >= standardized.Count * 98 / 100;
    }
}
