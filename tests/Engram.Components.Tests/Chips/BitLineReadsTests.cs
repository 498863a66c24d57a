using Engram.Components.Arch;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Neurons;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A read of a few columns goes straight to the arrays' shared bit lines when every word line of its row block is at
/// one |V|, and a whole-layer read takes every column current of a column block from them in one pass; both must
/// give the bits, draws, times and ledger of the reads through the macros.
/// </summary>
public class BitLineReadsTests
{
    public static TheoryData<string, int, int, bool> Configurations() => new()
    {
        // schedule, neurons, array rows/cols, unselected columns conduct
        { "sync", 48, 8, true },
        { "sync", 44, 8, false },
        // Odd columns: a whole read from the bit lines draws each macro's read noise on its own (Fill pairs the deviates).
        { "sync", 42, 7, true },
        { "async", 48, 8, true },
        // 44 neurons on 8-row arrays: the last row block drives 4 rows and leaves 4 at 0 V, so its reads go through the macros.
        { "async", 44, 8, false },
        { "grouped:5", 48, 8, true },
        { "grouped:3", 40, 16, false },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Reads_from_the_bit_lines_equal_reads_through_the_macros(string schedule, int neurons, int size, bool conduct)
    {
        // A noisy card: both must draw the same read noise in the same order; 16-bit codes, which the noise moves.
        var spec = TestChips.Ideal(neurons, size, size, 2, conduct, card: "hnn64-rram.yaml", adcBits: 16);
        var patterns = RandomPatterns.Binary(3, neurons, new Random(11));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(12));
        var direct = new ChipModel(spec, 5, keepTrace: true);
        var through = new ChipModel(spec, 5, keepTrace: true) { ReadsBitLines = false };
        Assert.True(direct.HasBitLineReads);
        SameRecall.Check(through, direct, patterns, cue, schedule);
        Assert.Equal(through.Sim.DispatchHash, direct.Sim.DispatchHash);
        SameFields(new ChipModel(spec, 5, keepTrace: true) { ReadsBitLines = false }, new ChipModel(spec, 5, keepTrace: true), patterns, cue);
    }

    // The fields of whole-layer reads of two fresh chips, programmed alike (the sign neurons of a recall hide most of the
    // read noise; the 16-bit codes do not): the same noise draws give the same fields.
    private static void SameFields(ChipModel expected, ChipModel actual, double[][] patterns, double[] input)
    {
        var fields = new[] { expected, actual }.Select(chip =>
        {
            chip.Program(0, new HebbRule().Learn(patterns));
            var outputs = new double[3][];
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i] = new double[chip.Layers[0].Outputs];
                chip.Forward(0, input, outputs[i]);
            }

            return outputs;
        }).ToArray();
        Assert.Equal(fields[0], fields[1]);
        Assert.Equal(expected.Ledger.Entries.ToArray(), actual.Ledger.Entries.ToArray());
    }

    // A whole-layer read in parallel takes a column block per work item from the bit lines, or a macro per item through them.
    [Fact]
    public void Parallel_whole_reads_from_the_bit_lines_equal_serial_ones_through_the_macros()
    {
        var spec = TestChips.Ideal(48, 8, 8, 2, card: "hnn64-rram.yaml");
        var patterns = RandomPatterns.Binary(3, 48, new Random(17));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(18));
        var direct = new ChipModel(spec, 7, keepTrace: true) { ParallelReadCells = 0 };
        var through = new ChipModel(spec, 7, keepTrace: true) { ReadsBitLines = false, ParallelReadCells = long.MaxValue };
        SameRecall.Check(through, direct, patterns, cue, "sync");
        Assert.Equal(through.Sim.DispatchHash, direct.Sim.DispatchHash);
    }

    // A whole-layer read from the bit lines on the profile's SAR converters (each conversion's energy from its column's
    // conductance), with a last column block of fewer outputs than columns (4 of 8) and a slower ADC clock.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Whole_reads_from_the_bit_lines_take_each_columns_converter_energy(bool parallel)
    {
        var clock = new ClockSpec(1_000)
        {
            Domains = new Dictionary<string, long> { ["adc_clock"] = 2_500 },
            Blocks = new Dictionary<string, string> { ["adc"] = "adc_clock" },
        };
        var spec = TestChips.Ideal(44, 11, 8, 4, card: "hnn64-rram.yaml", costs: [], clock: clock, adcBits: 16);
        var patterns = RandomPatterns.Binary(3, 44, new Random(19));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(20));
        var direct = new ChipModel(spec, 8, keepTrace: true) { ParallelReadCells = parallel ? 0 : long.MaxValue };
        var through = new ChipModel(spec, 8, keepTrace: true) { ReadsBitLines = false };
        Assert.True(direct.HasBitLineReads);
        SameRecall.Check(through, direct, patterns, cue, "sync");
        Assert.Equal(through.Sim.DispatchHash, direct.Sim.DispatchHash);
        SameFields(new ChipModel(spec, 8, keepTrace: true) { ReadsBitLines = false }, new ChipModel(spec, 8, keepTrace: true) { ParallelReadCells = parallel ? 0 : long.MaxValue }, patterns, cue);
    }

    // Bit-serial word lines (3-bit DACs, graded tanh states): each plane's read goes from the bit lines only when that
    // plane drives every row of every row block at one |V|, and through the macros otherwise.
    [Fact]
    public void Bit_serial_planes_read_from_the_bit_lines_as_through_the_macros()
    {
        var spec = TestChips.Ideal(32, 8, 8, 2, card: "hnn64-rram.yaml", dacBits: 3, neuron: Neurons.Tanh, adcBits: 16);
        var patterns = RandomPatterns.Binary(3, 32, new Random(23));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(24));
        var direct = new ChipModel(spec, 10, keepTrace: true);
        var through = new ChipModel(spec, 10, keepTrace: true) { ReadsBitLines = false };
        SameRecall.Check(through, direct, patterns, cue, "sync");
        Assert.Equal(through.Sim.DispatchHash, direct.Sim.DispatchHash);
        SameFields(new ChipModel(spec, 10, keepTrace: true) { ReadsBitLines = false }, new ChipModel(spec, 10, keepTrace: true), patterns, cue);
    }

    // Read straight from the bit lines first (an unprogrammed chip's arrays have no cells or sums yet, and no power is
    // kept), then through the crossbar, then from the bit lines again (the kept power now there).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_macros_columns_from_the_bit_lines_are_its_crossbars_read(bool programmed)
    {
        // 24 inputs on 8x8 arrays: 3 x 3 macros, a noisy card.
        var spec = TestChips.Ideal(24, 8, 8, card: "hnn64-rram.yaml");
        var chip = new ChipModel(spec, 2);
        if (programmed)
        {
            chip.Program(0, new HebbRule().Learn(RandomPatterns.Binary(3, 24, new Random(4))));
        }

        var layer = chip.Layers[0];
        var bitLines = BitLineReads.For(layer)!;
        var signs = layer.Scale.Signs.ToArray();
        var rng = new Random(5);
        var drive = new WordLineDrive(8);
        for (int r = 0; r < 8; r++)
        {
            drive.VoltagesV[r] = rng.Next(2) == 0 ? 0.2 : -0.2;
        }

        drive.Analyse();
        int[] columns = [0, 3, 7];
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            for (int cb = 0; cb < layer.ColBlocks; cb++)
            {
                var first = Read((c, noise, reads) => (bitLines.ReadColumns(rb, cb, drive, c, noise, signs, reads, out double all), all), columns);
                var crossbar = layer.Macro(rb, cb).Crossbar;
                var own = Read((c, noise, reads) => (crossbar.ReadColumns(drive, c, noise, signs, reads, out double all), all), columns);
                var again = Read((c, noise, reads) => (bitLines.ReadColumns(rb, cb, drive, c, noise, signs, reads, out double all), all), columns);
                Assert.Equal(own, first);
                Assert.Equal(own, again);
            }
        }

        Assert.Throws<ArgumentException>(() => bitLines.ReadColumns(0, 0, new WordLineDrive(8), columns, null, signs, new ColumnRead[3], out _));
    }

    private delegate (double SelectedW, double AllW) ColumnReader(int[] columns, Random noise, ColumnRead[] reads);

    // Every value of a read as bits: the selected and whole power, each column's signed current and conductance.
    private static long[] Read(ColumnReader read, int[] columns)
    {
        var reads = new ColumnRead[columns.Length];
        var (selectedW, allW) = read(columns, new Random(9), reads);
        return [BitConverter.DoubleToInt64Bits(selectedW), BitConverter.DoubleToInt64Bits(allW),
            .. reads.SelectMany(r => new[] { BitConverter.DoubleToInt64Bits(r.SignedCurrentA), BitConverter.DoubleToInt64Bits(r.ConductanceS) })];
    }

    [Theory]
    [InlineData("async")]
    [InlineData("sync")]
    public void Reprogrammed_arrays_are_read_with_their_new_cells(string schedule)
    {
        var spec = TestChips.Ideal(48, 8, 8, 2, card: "hnn64-rram.yaml");
        var first = RandomPatterns.Binary(3, 48, new Random(13));
        var second = RandomPatterns.Binary(4, 48, new Random(14));
        var chips = new[] { new ChipModel(spec, 6, keepTrace: true) { ReadsBitLines = false }, new ChipModel(spec, 6, keepTrace: true) };
        var recalls = chips.Select(chip =>
        {
            chip.Program(0, new HebbRule().Learn(first));
            var before = chip.Recall(CueCorruption.FlipBits(first[0], 0.2, new Random(15)), schedule, UpdateOrder.Random, 10);
            chip.Program(0, new HebbRule().Learn(second));
            var after = chip.Recall(CueCorruption.FlipBits(second[1], 0.2, new Random(16)), schedule, UpdateOrder.Random, 10);
            chip.Finish();
            return new[] { before, after };
        }).ToArray();

        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(recalls[0][i].FinalState, recalls[1][i].FinalState);
            Assert.Equal(recalls[0][i].EnergyJ, recalls[1][i].EnergyJ);
            Assert.Equal(recalls[0][i].LatencyPs, recalls[1][i].LatencyPs);
        }

        Assert.Equal(chips[0].Ledger.Entries.ToArray(), chips[1].Ledger.Entries.ToArray());
    }

    [Fact]
    public void A_layer_with_a_reference_column_reads_through_its_macros() =>
        Assert.False(new ChipModel(TestChips.Ideal(16, 8, 8, mapping: WeightMappings.ReferenceColumn), 1).HasBitLineReads);
}
