using Engram.Components.Arch;
using Engram.Components.Chips;

namespace Engram.Cli.Commands;

/// <summary>Loads the chip a command names; bad input becomes one message on stderr and exit code 2.</summary>
internal static class ChipInput
{
    public const int BadInput = 2;

    public static ChipSpec? TryLoad(string path, TextWriter error, string command)
    {
        try
        {
            var spec = ChipLoader.Load(path);
            if (new ChipBlocks(spec).Adcs.Warning is { } warning)
            {
                error.WriteLine($"{path}: {warning}");
            }

            return spec;
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

    /// <summary>As <see cref="TryLoad"/>, for commands that recall: an <c>mlp</c> chip is trained (<c>engram train</c>), not recalled.</summary>
    public static ChipSpec? TryLoadMemory(string path, TextWriter error, string command)
    {
        var spec = TryLoad(path, error, command);
        if (spec is { Network.Kind: NetworkKind.Mlp })
        {
            error.WriteLine($"engram {command}: {path}: network.kind is mlp, a classifier for `engram train`; {command} recalls associative memories (single_layer or multilayer)");
            return null;
        }

        return spec;
    }
}
