namespace Engram.Components.Training;

/// <summary>A classification task: inputs in [0, 1] (or [−1, 1]) and class labels, split into training and test sets.</summary>
public sealed record TrainingData(string Name, double[][] TrainInputs, int[] TrainLabels, double[][] TestInputs, int[] TestLabels, int Classes)
{
    public int InputWidth => TrainInputs[0].Length;

    /// <summary>
    /// The same task trained on <paramref name="count"/> of its training samples, evenly spaced through the set (a data
    /// set sorted by class keeps every class); the test set is unchanged.
    /// </summary>
    public TrainingData SubsetOfTrainingSamples(int count)
    {
        if (count >= TrainInputs.Length)
        {
            return this;
        }

        var picked = Enumerable.Range(0, count).Select(i => (int)((long)i * TrainInputs.Length / count)).ToArray();
        return this with { TrainInputs = [.. picked.Select(i => TrainInputs[i])], TrainLabels = [.. picked.Select(i => TrainLabels[i])] };
    }
}
