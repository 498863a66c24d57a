using Engram.Components.Blocks;

namespace Engram.Components.Training;

/// <summary>
/// The registered training algorithms (<c>engram train --algorithm NAME</c>). Adding one is a new entry here with
/// its <see cref="AnalogRule"/>, or a new <see cref="IMlpLayer"/> for a rule the layers cannot express.
/// The hyper-parameters are Engram's choices, tuned once on the digits task (docs/training.md).
/// </summary>
public static class TrainingAlgorithms
{
    public const double LearningRate = 0.05;

    private static readonly Registry<TrainingAlgorithm> Entries = new("training algorithm");

    static TrainingAlgorithms()
    {
        Register(new("fp", "floating-point reference: exact products and SGD, no device", null, LearningRate));
        Register(new("sgd", "analog SGD: the parallel pulse update straight onto the weight array C (Gokmen & Vlasov 2016)",
            new AnalogRule(UsesFastArray: false, Gamma: 0, Buffered: false, LearningRate, TransferLearningRate: 0, TransferEvery: 1, ReadsPerTransfer: 0), LearningRate));
        Register(new("tiki-taka", "Tiki-Taka v1 (Gokmen & Haensch 2020): gradient onto a zero-shifted fast array A, W = C + γA, A's lines transferred into C",
            new AnalogRule(UsesFastArray: true, Gamma: 0.1, Buffered: false, LearningRate, TransferLearningRate: 0.1, TransferEvery: 1, ReadsPerTransfer: 1), LearningRate));
        Register(new("ttv2", "TTv2 (Gokmen 2021): Tiki-Taka with γ = 0 and a digital buffer H between A and C",
            new AnalogRule(UsesFastArray: true, Gamma: 0, Buffered: true, LearningRate, TransferLearningRate: 0.1, TransferEvery: 1, ReadsPerTransfer: 1, MaxTransferPulses: 31), LearningRate));
        Register(new("shd", "Stochastic Hamiltonian Descent (Onen et al. 2022): γ = 0, A zero-shifted, A's own asymmetry as friction",
            new AnalogRule(UsesFastArray: true, Gamma: 0, Buffered: false, LearningRate, TransferLearningRate: 0.1, TransferEvery: 1, ReadsPerTransfer: 1), LearningRate));
    }

    public static IReadOnlyList<string> Names => Entries.Names;

    public static void Register(TrainingAlgorithm algorithm) => Entries.Register(algorithm.Name, algorithm);

    public static TrainingAlgorithm Get(string name) => Entries.Get(name);

    public static bool TryGet(string name, out TrainingAlgorithm algorithm) => Entries.TryGet(name, out algorithm!);
}
