using Engram.Components.Training;
using Engram.Models.Patterns;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Training;

/// <summary>
/// The classification tasks <c>engram train --task</c> knows: the shipped 8×8 digits (1797 images) and the shipped
/// 10k MNIST subset (28×28). Pixels are scaled to [0, 1]. The split is fixed and seed-independent, so every seed
/// and algorithm is tested on the same images, and stratified: of each class, every fifth image in file order is a
/// test image. (Both files cycle through the classes, so every fifth image overall would test on two classes only.)
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
        var seen = new Dictionary<int, int>();
        for (int i = 0; i < images.Count; i++)
        {
            int label = images.Labels[i];
            int occurrence = seen.GetValueOrDefault(label);
            seen[label] = occurrence + 1;
            bool test = occurrence % 5 == 4;
            (test ? testX : trainX).Add(images.Pixels[i]);
            (test ? testY : trainY).Add(label);
        }

        return new TrainingData(name, [.. trainX], [.. trainY], [.. testX], [.. testY], images.Labels.Max() + 1);
    }
}
