namespace Engram.Components.Training;

/// <summary>A classification task: inputs in [0, 1] (or [−1, 1]) and class labels, split into training and test sets.</summary>
public sealed record TrainingData(string Name, double[][] TrainInputs, int[] TrainLabels, double[][] TestInputs, int[] TestLabels, int Classes)
{
    public int InputWidth => TrainInputs[0].Length;

    /// <summary>The same task trained on its first <paramref name="count"/> training samples (the test set unchanged).</summary>
    public TrainingData FirstTrainingSamples(int count) =>
        count >= TrainInputs.Length ? this : this with { TrainInputs = TrainInputs[..count], TrainLabels = TrainLabels[..count] };
}
