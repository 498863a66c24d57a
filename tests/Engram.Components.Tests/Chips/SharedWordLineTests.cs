using Engram.Components.Blocks.Crossbar;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A read of a few columns takes its word lines from its row block's shared drive (kept while the block's inputs stay the
/// same) instead of driving every macro's own: the voltages, their analysis and every value read from them must be those
/// of the macro's own drive, to the bit.
/// </summary>
public class SharedWordLineTests
{
    public static TheoryData<string, string> Voltages() => new()
    {
        // mapping, word lines
        { "differential", "binary" },
        { "differential", "idle rows" },
        { "differential", "graded" },
        { "reference_column", "binary" },
        { "reference_column", "idle rows" },
    };

    [Theory]
    [MemberData(nameof(Voltages))]
    public void A_shared_drive_reads_the_columns_as_the_crossbars_own_drive(string mapping, string voltages)
    {
        var spec = TestChips.Ideal(8, 8, 8, card: "hnn64-rram.yaml", mapping: mapping == "differential" ? null : WeightMappings.ReferenceColumn);
        var chip = new ChipModel(spec, 2);
        chip.Program(0, new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(4))));
        var crossbar = chip.Layers[0].Macro(0, 0).Crossbar;
        var signs = chip.Layers[0].Scale.Signs.ToArray();
        var v = Enumerable.Range(0, 8).Select(r => voltages switch
        {
            "binary" => r % 3 == 0 ? 0.2 : -0.2,
            "idle rows" => r % 3 == 0 ? 0.0 : (r % 2 == 0 ? 0.2 : -0.2),
            _ => 0.05 * (r - 3.5),
        }).ToArray();
        int[] columns = [1, 4, 5];

        v.CopyTo(crossbar.VoltagesV, 0);
        var own = new ColumnRead[columns.Length];
        double ownSelectedW = crossbar.ReadColumns(columns, new Random(9), signs, own, out double ownAllW);
        int ownActive = crossbar.ActiveRows;

        Array.Clear(crossbar.VoltagesV);
        var drive = new WordLineDrive(8);
        v.CopyTo(drive.VoltagesV, 0);
        drive.Analyse();
        var shared = new ColumnRead[columns.Length];
        double sharedSelectedW = crossbar.ReadColumns(drive, columns, new Random(9), signs, shared, out double sharedAllW);

        Assert.Equal(Bits(ownSelectedW), Bits(sharedSelectedW));
        Assert.Equal(Bits(ownAllW), Bits(sharedAllW));
        Assert.Equal(ownActive, crossbar.ActiveRows);
        Assert.Equal(own.Select(r => (Bits(r.SignedCurrentA), Bits(r.ConductanceS))), shared.Select(r => (Bits(r.SignedCurrentA), Bits(r.ConductanceS))));
        // The shared read leaves the crossbar's own word lines alone.
        Assert.All(crossbar.VoltagesV, x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Row_block_drives_follow_every_change_of_their_inputs_and_only_theirs()
    {
        // 20 inputs on 8-row arrays: three row blocks, the last driving 4 rows and idling 4.
        var spec = TestChips.Ideal(20, 8, 8);
        var chip = new ChipModel(spec, 2);
        var layer = chip.Layers[0];
        Assert.Equal(3, layer.RowBlocks);
        var drives = new RowBlockDrives(layer);
        var random = new Random(6);
        var plane = Enumerable.Range(0, 20).Select(_ => random.Next(2) == 0 ? 1.0 : -1.0).ToArray();
        for (int step = 0; step < 200; step++)
        {
            // Mostly a flip, as an asynchronous update makes; sometimes an idle input, a negative zero, or nothing.
            int i = random.Next(20);
            plane[i] = random.Next(6) switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => plane[i],
                3 => 0.5 * plane[i],
                _ => -plane[i],
            };

            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                var macro = layer.Macro(rb, 0);
                layer.Drive(macro, plane);
                var expected = new WordLineDrive(8);
                macro.Crossbar.VoltagesV.CopyTo(expected.VoltagesV, 0);
                expected.Analyse();

                var drive = drives.For(rb, plane);
                Assert.Equal(expected.VoltagesV.Select(Bits), drive.VoltagesV.Select(Bits));
                Assert.Equal(expected.ActiveRows, drive.ActiveRows);
                Assert.Equal(expected.UniformSquareV2, drive.UniformSquareV2);
                Assert.Equal(Bits(expected.SumV), Bits(drive.SumV));
                Assert.Equal(expected.SingleV.ToArray(), drive.SingleV.ToArray());
            }
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
