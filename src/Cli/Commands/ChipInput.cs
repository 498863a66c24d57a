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
}
