namespace NetGen.Generator.Model;

// Mirrors of the runtime's public enums, by name and value: the generator cannot reference the
// runtime assembly. A test keeps the two in step.

internal enum ActivationKind { Identity, Sigmoid, Tanh, ReLU, LeakyReLU, Softmax, SiLU, GELUTanh, ELU, Softplus, GELU, Mish }

internal enum LossKind { MeanSquaredError, CrossEntropy, BinaryCrossEntropy }

internal enum PrecisionKind { Single, Double }

internal enum InitKind { Default, HeNormal, HeUniform, XavierNormal, XavierUniform, Normal, Uniform, Zeros, PyTorch }

internal enum OptimizerKind { Sgd, Adam, AdamW, RmsProp }
