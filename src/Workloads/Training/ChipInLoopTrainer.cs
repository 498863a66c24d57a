using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Blocks.Training;
using Engram.Components.Chips;
using Engram.Sim.Clocking;
using Engram.Models.Learning;
using Engram.Sim.Random;

namespace Engram.Workloads.Training;

/// <summary>Settings of a chip-in-the-loop run of hardware-adaptive learning.</summary>
/// <param name="Epochs">Full-batch epochs (each is P forward passes on the chip and one write-verify of the layer).</param>
/// <param name="LearningRate">Adam step size (1e-3 in He et al.'s code).</param>
/// <param name="WeightMax">Weight that maps onto the full conductance range; larger weights clip.</param>
/// <param name="Bias">Train a bias per neuron (He et al.); off when the chip that recalls has no bias path.</param>
public sealed record ChipInLoopSettings(int Epochs, double LearningRate, double WeightMax, ulong Seed, bool Bias = true)
{
    public static ChipInLoopSettings Default { get; } = new(100, 1e-3, 1.0, 1);
}

/// <summary>Losses per epoch and what training cost on the chip.</summary>
/// <param name="TrainingEnergyJ">Energy of the forward passes, the digital gradient and Adam step, and write-verify programming.</param>
/// <param name="TrainingLatencyPs">Simulated time of the forward passes and programming.</param>
public sealed record ChipInLoopResult(double[] Losses, double[] Weights, double[] Bias, long PulsesTotal, double TrainingEnergyJ, long TrainingLatencyPs);

/// <summary>
/// Hardware-adaptive learning (He et al., docs/associative-memory.md) with the chip in the loop: every forward pass is an analog
/// matrix-vector product on the simulated crossbar (faults, read noise, ADC quantization), the gradient of
/// the tanh-MSE fixed-point loss and the Adam step are computed digitally, masked by the diagonal and by the
/// chip's stuck devices (taken from its fault map: the read-verify scan that would find them is not simulated),
/// and the new weights are written back through the device model with write-verify. The forward passes, the
/// programming and the digital arithmetic land in the ledger: the gradient (2 ops per weight and pattern) and
/// the Adam step (10 ops per weight; both counts Engram's assumption) as <c>digital_unit</c> ops, each one NeuroSim 16-bit add, N per cycle.
/// The bias lives in the digital neuron unit.
/// </summary>
public static class ChipInLoopTrainer
{
    public static ChipInLoopResult Train(Chip chip, double[][] patterns, ChipInLoopSettings settings)
    {
        if (chip.Layers.Count != 1)
        {
            throw new ArgumentException("chip-in-the-loop training supports single-layer chips");
        }

        int n = chip.Neurons;
        int p = patterns.Length;
        var streams = new RandomStreams(settings.Seed);
        var init = streams.Stream("training/init").AsSystemRandom();
        var w = new double[n * n];
        var b = new double[n];
        LinearInit.Uniform(w, b, n, init);
        if (!settings.Bias)
        {
            Array.Clear(b);
        }

        var mask = TrainableMask(chip);
        for (int k = 0; k < w.Length; k++)
        {
            if (!mask[k])
            {
                w[k] = 0;
            }
        }

        var optimizer = new Adam(settings.LearningRate);
        var wState = optimizer.CreateState(w.Length);
        var bState = optimizer.CreateState(b.Length);
        var gradW = new double[w.Length];
        var gradB = new double[n];
        var u = new double[n];
        var losses = new double[settings.Epochs];
        long startPs = chip.Sim.Now;
        double startJ = chip.Ledger.TotalEnergyJ;
        long pulses = chip.ProgramVerified(0, w, weightMax: settings.WeightMax).Pulses;
        var site = new BlockSite(chip.Sim, chip.Ledger, new ClockDomain(chip.Sim, chip.Spec.Clock.PeriodOf(BlockKinds.DigitalUnit)));
        var digital = new DigitalActions(new DigitalUnit(chip.Blocks.Costs, n), site);
        long opsPerEpoch = (2L * p * n * n) + (10L * n * (n + 1));
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Array.Clear(gradW);
            Array.Clear(gradB);
            double loss = 0;
            foreach (var x in patterns)
            {
                chip.Forward(0, x, u);
                for (int i = 0; i < n; i++)
                {
                    double y = Math.Tanh(u[i] + b[i]);
                    double e = y - x[i];
                    loss += e * e;
                    double g = 2 * e * (1 - (y * y)) / (p * n);
                    gradB[i] += g;
                    var row = gradW.AsSpan(i * n, n);
                    for (int j = 0; j < n; j++)
                    {
                        row[j] += g * x[j];
                    }
                }
            }

            losses[epoch] = loss / (p * n);
            for (int k = 0; k < gradW.Length; k++)
            {
                if (!mask[k])
                {
                    gradW[k] = 0;
                }
            }

            optimizer.Step(w, gradW, wState);
            if (settings.Bias)
            {
                optimizer.Step(b, gradB, bState);
            }

            chip.Sim.Run(chip.Sim.Process(digital.Run(opsPerEpoch), "digital-update"));

            // The conductance range bounds the weights the chip can hold: keep the digital copy equal to it.
            for (int k = 0; k < w.Length; k++)
            {
                w[k] = Math.Clamp(w[k], -settings.WeightMax, settings.WeightMax);
            }
            pulses += chip.ProgramVerified(0, w, weightMax: settings.WeightMax).Pulses;
        }

        return new ChipInLoopResult(losses, w, b, pulses, chip.Ledger.TotalEnergyJ - startJ, chip.Sim.Now - startPs);
    }

    /// <summary>Off-diagonal weights whose devices all program (a read-verify scan finds the stuck ones).</summary>
    private static bool[] TrainableMask(Chip chip)
    {
        var layer = chip.Layers[0];
        int n = chip.Neurons;
        var mask = new bool[n * n];
        for (int output = 0; output < n; output++)
        {
            for (int input = 0; input < n; input++)
            {
                mask[(output * n) + input] = input != output && layer.Programmable(output, input);
            }
        }

        return mask;
    }
}
