using Engram.Components.Blocks.Crossbar;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// The broadcast energy of a read of a few columns is kept per input plane; a plane the row-block drives vouch for
/// (their version unchanged since the kept squares matched) is not compared again. Kept or not, the totals must be
/// those taken from scratch for the plane.
/// </summary>
public class BroadcastEnergyTests
{
    [Fact]
    public void A_plane_the_drives_vouch_for_gives_the_totals_taken_from_scratch()
    {
        // 20 inputs on 8x8 arrays: three row blocks, three column blocks.
        var spec = TestChips.Ideal(20, 8, 8, card: "hnn64-rram.yaml");
        var chip = new ChipModel(spec, 2);
        chip.Program(0, new HebbRule().Learn(RandomPatterns.Binary(3, 20, new Random(4))));
        var layer = chip.Layers[0];
        var drives = new RowBlockDrives(layer);
        var kept = new BroadcastEnergy(1, 20);
        var random = new Random(8);
        var plane = Enumerable.Range(0, 20).Select(_ => random.Next(2) == 0 ? 1.0 : -1.0).ToArray();
        int[] selected = [1];
        int refreshes = 0;
        for (int step = 0; step < 300; step++)
        {
            // Mostly nothing or a flip (the squares stay), sometimes an input going idle or back (they change).
            int i = random.Next(20);
            plane[i] = random.Next(6) switch
            {
                0 => 0.0,
                1 => -plane[i],
                2 => plane[i] == 0 ? 1.0 : plane[i],
                _ => plane[i],
            };
            long before = drives.Version;
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                drives.For(rb, plane);
            }

            refreshes += drives.Version != before ? 1 : 0;
            var expected = new BroadcastEnergy(1, 20).Outside(layer, 0, plane, selected, drives.Version);
            Assert.Equal(expected, kept.Outside(layer, 0, plane, selected, drives.Version));
        }

        // The sequence both kept the plane and changed it many times.
        Assert.InRange(refreshes, 50, 250);
    }
}
