using System.Numerics;

namespace NetGen;

/// <summary>What a checkpoint held besides the network's own state, as <see cref="Checkpoints.LoadCheckpoint{T}(INetwork{T}, string)"/> returns it.</summary>
/// <param name="Progress">The trainer's progress saved with it, to resume with <see cref="TrainingOptions.ResumeFrom"/>; null when none was saved.</param>
/// <param name="Standardization">The input scaling saved with it; null when none was saved.</param>
public sealed record Checkpoint<T>(TrainingProgress? Progress, Standardization<T>? Standardization)
    where T : unmanaged, IBinaryFloatingPointIeee754<T>;
