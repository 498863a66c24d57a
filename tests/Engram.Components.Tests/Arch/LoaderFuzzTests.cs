using CsCheck;
using Engram.Components.Arch;
using YamlDotNet.Core;

namespace Engram.Components.Tests.Arch;

/// <summary>
/// Fuzzes the chip and device-card loaders with mutants of every shipped file: each mutant either loads or is
/// rejected with an <see cref="ArchException"/> naming the file, a line and the key; any other exception fails.
/// A YAML syntax error names the file and the line but has no key (the text around it is not a tree yet), and a
/// whole-file problem (no document, several documents, YamlDotNet's location-less scanner errors) has line 0.
/// </summary>
public sealed class LoaderFuzzTests : IDisposable
{
    // 12 shipped files x 300 = 3600 mutants per run. CsCheck picks a new seed each run and prints it on failure;
    // CsCheck_Seed=<seed> replays exactly that case (for every file, so filter to the failing one).
    private const int MutantsPerFile = 300;

    // Fixed so a mutant's verdict does not depend on the machine's memory.
    private const long TwelveGiB = 12L << 30;

    private readonly TempDir _temp = new("engram-fuzz-");
    private int _written;

    public LoaderFuzzTests()
    {
        // Chip mutants are written to chips/ next to a copy of devices/, so their ../devices/ card paths resolve.
        Directory.CreateDirectory(_temp.Combine("chips"));
        Directory.CreateDirectory(_temp.Combine("devices"));
        foreach (string card in Directory.GetFiles(RepoPaths.DeviceCards, "*.yaml"))
        {
            File.Copy(card, _temp.Combine("devices", Path.GetFileName(card)));
        }
    }

    public static TheoryData<string> ShippedFiles => new(
        Directory.GetFiles(RepoPaths.Chips, "*.yaml").Select(f => "chips/" + Path.GetFileName(f))
            .Concat(Directory.GetFiles(RepoPaths.DeviceCards, "*.yaml").Select(f => "devices/" + Path.GetFileName(f)))
            .Order(StringComparer.Ordinal));

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Shipped_file_survives_the_mutator_round_trip(string shipped)
    {
        // Structural mutants are re-serialised; a round trip alone must still load, or every such mutant is noise.
        string folder = Path.GetDirectoryName(shipped)!;
        string path = Write(folder, System.Text.Encoding.UTF8.GetBytes(YamlMutator.RoundTrip(File.ReadAllText(Source(shipped)))));
        _ = IsChip(shipped) ? (object)ChipLoader.Load(path, TwelveGiB) : DeviceCardLoader.Load(path);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_mutant_loads_or_is_rejected_with_file_line_and_key(string shipped)
    {
        var mutator = new YamlMutator(File.ReadAllText(Source(shipped)));
        bool chip = IsChip(shipped);
        string folder = Path.GetDirectoryName(shipped)!;
        mutator.Mutants.Sample(
            mutant =>
            {
                string path = Write(folder, mutant.Bytes);
                try
                {
                    LoadOrReject(path, chip, mutant.Text);
                }
                finally
                {
                    File.Delete(path);
                }
            },
            iter: MutantsPerFile,
            print: m => m.ToString());
    }

    private static void LoadOrReject(string path, bool chip, string text)
    {
        try
        {
            if (chip)
            {
                // Loaded means valid: the arrays the loader accepted fit and their memory estimate is sane.
                var fit = ChipFit.Of(ChipLoader.Load(path, TwelveGiB));
                Assert.True(fit.Fits && fit.PhysicalArraysNeeded > 0 && fit.EstimatedBytes > 0 && fit.EstimatedBytes <= TwelveGiB, $"loaded chip has an impossible fit {fit}");
            }
            else
            {
                DeviceCardLoader.Load(path).Validate();
            }
        }
        catch (ArchException e)
        {
            AssertLocated(e, path, chip, text);
        }
    }

    private static void AssertLocated(ArchException e, string path, bool chip, string text)
    {
        // A chip's error may be in the card it references (devices.card pointed elsewhere); that file is then named.
        bool referencedCard = chip && e.File != path && File.Exists(e.File);
        Assert.True(e.File == path || referencedCard, $"names {e.File}, not the loaded file: {e.Message}");
        Assert.StartsWith(e.File, e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Detail), e.Message);
        if (e.Line == 0)
        {
            Assert.True(e.KeyPath.Length == 0 && IsWholeFile(e.Detail), $"no line for a problem that has one: {e.Message}");
            return;
        }

        int lines = referencedCard ? File.ReadAllLines(e.File).Length : text.Split('\n').Length;
        Assert.True(e.Line <= lines + 1 && e.Column > 0, $"location outside the file ({lines} lines): {e.Message}");
        Assert.True(e.KeyPath.Length > 0 || IsSyntaxError(e) || IsRootShape(e.Detail), $"no key path: {e.Message}");
    }

    private static bool IsWholeFile(string detail) =>
        detail == "file not found" ||
        detail.StartsWith("malformed YAML", StringComparison.Ordinal) ||
        detail.StartsWith("expected exactly one YAML document", StringComparison.Ordinal);

    // YamlDotNet could not build a tree, so there is no key to name; its mark (or the last event it parsed) is the line.
    // A duplicate key is not one: the tree exists and the key has a name.
    private static bool IsSyntaxError(ArchException e) =>
        e.Detail != "duplicate key" &&
        (e.InnerException is YamlException || e.Detail.StartsWith("malformed YAML", StringComparison.Ordinal));

    // The document itself is wrong (a list, a scalar, a non-string top-level key): the root has no key path.
    private static bool IsRootShape(string detail) =>
        detail is "the document must be a mapping of keys to values" or "keys must be plain strings";

    private static bool IsChip(string shipped) => shipped.StartsWith("chips/", StringComparison.Ordinal);

    private static string Source(string shipped) => Path.Combine(RepoPaths.Root, "arch", shipped);

    private string Write(string folder, byte[] bytes)
    {
        string path = _temp.Combine(folder, $"mutant-{Interlocked.Increment(ref _written)}.yaml");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
