using System;
using Xunit;

namespace NetGen.Training.Tests.Trainer;

/// <summary>A schedule that could give a rate that is not finite, or is negative, is refused when it is made.</summary>
public sealed class ScheduleArgumentTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    public void StepAndExponentialRefuseAGammaThatIsNotFiniteAndPositive(double gamma)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(10, gamma));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(gamma));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1e-3)]
    public void CosineAndPlateauRefuseAMinimumRateThatIsNotFiniteOrIsNegative(double minimum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(10, minimum));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.ReduceOnPlateau(minimumRate: minimum));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    public void PlateauRefusesAFactorOutsideZeroToOne(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.ReduceOnPlateau(factor));

    [Fact]
    public void ValidSchedulesAreMade()
    {
        Assert.Equal(0.01, LearningRateSchedule.Step(1, 0.1).Rate(1, 0.1, 0.1, double.NaN), 12);
        Assert.Equal(0.05, LearningRateSchedule.Cosine(2).Rate(1, 0.1, 0.1, double.NaN), 12);
    }
}
