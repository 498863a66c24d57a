using Engram.Components.Training;
using Engram.Models.Patterns;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Training;

/// <summary>
/// The classification tasks <c>engram train --task</c> knows: the shipped 8×8 digits (1797 images) and the shipped
/// 10k MNIST subset (28×28). Pixels are scaled to [0, 1]. The split is fixed and seed-independent, so every seed
/// and algorithm is tested on the same images: every fifth image (index mod 5 = 4) is a test image.
/// </summary>
public static class TrainingTasks
{
    public const string Digits = "digits";
    public const string Mnist = "mnist";

    public static readonly IReadOnlyList<string> Names = [Digits, Mnist];

    public static TrainingData Load(string task, string? dataDirectory) => task switch
    {
        Digits => Split(Digits, DigitDatasets.LoadDigits8x8(PatternPool.DataFile(dataDirectory, DigitDatasets.DigitsFileName))),
        Mnist => Split(Mnist, DigitDatasets.LoadMnist(PatternPool.DataFile(dataDirectory, DigitDatasets.MnistFileName))),
        _ => throw new ArgumentException($"unknown task '{task}'; tasks: {string.Join(", ", Names)}, hnn"),
    };

    public static TrainingData Split(string name, DigitImages images)
    {
        var trainX = new List<double[]>();
        var trainY = new List<int>();
        var testX = new List<double[]>();
        var testY = new List<int>();
        for (int i = 0; i < images.Count; i++)
        {
            (i % 5 == 4 ? testX : trainX).Add(images.Pixels[i]);
            (i % 5 == 4 ? testY : trainY).Add(images.Labels[i]);
        }

        return new TrainingData(name, [.. trainX], [.. trainY], [.. testX], [.. testY], images.Labels.Max() + 1);
    }
}
