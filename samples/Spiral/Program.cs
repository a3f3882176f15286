System.Console.WriteLine(Spiral.SpiralNet.ParameterCount);
