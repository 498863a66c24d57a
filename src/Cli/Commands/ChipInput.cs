using Engram.Components.Arch;

namespace Engram.Cli.Commands;

/// <summary>Loads the chip a command names; bad input becomes one message on stderr and exit code 2.</summary>
internal static class ChipInput
{
    public const int BadInput = 2;

    public static ChipSpec? TryLoad(string path, TextWriter error, string command)
    {
        try
        {
            return ChipLoader.Load(path);
        }
        catch (ArchException ex)
        {
            error.WriteLine(ex.Message);
        }
        catch (IOException ex)
        {
            error.WriteLine($"engram {command}: {path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"engram {command}: {path}: {ex.Message}");
        }

        return null;
    }

    /// <summary>The same chip design carrying <paramref name="neurons"/> neurons, with tiles added until the network fits.</summary>
    public static ChipSpec WithNeurons(ChipSpec spec, int neurons)
    {
        if (neurons < 1)
        {
            throw new ArgumentException($"--n must be at least 1, got {neurons}");
        }

        var network = spec.Network with { Neurons = neurons };
        var fit = ChipFit.Of(network, spec.Array, spec.Tiles, spec.Device.Mapping);
        long tiles = Math.Max(spec.Tiles.Count, (fit.PhysicalArraysNeeded + spec.Tiles.ArraysPerTile - 1) / spec.Tiles.ArraysPerTile);
        var scaled = spec with { Network = network, Tiles = spec.Tiles with { Count = checked((int)tiles) } };
        long budget = ChipLoader.DefaultMemoryBudgetBytes;
        var scaledFit = ChipFit.Of(scaled);
        if (scaledFit.EstimatedBytes > budget)
        {
            throw new ArgumentException($"--n {neurons} needs ~{ChipLoader.FormatBytes(scaledFit.EstimatedBytes)} of device state, over the budget of {ChipLoader.FormatBytes(budget)}");
        }

        return scaled;
    }
}
