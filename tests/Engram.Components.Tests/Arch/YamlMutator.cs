using System.Globalization;
using System.Text;
using CsCheck;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Components.Tests.Arch;

/// <summary>One mutated file: what was done to it (for the failure report) and the bytes to load.</summary>
internal sealed record Mutant(string Description, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => $"{Description}\n----- mutant -----\n{Text}\n------------------";
}

/// <summary>
/// Generates mutants of one YAML file: one to three steps, each either structural (on the parsed tree, so the
/// mutant is still YAML but wrong for the schema) or textual (so it may not be YAML at all), optionally followed
/// by raw bytes. Steps are plain integers picked by CsCheck, so a failure shrinks to fewer, earlier, simpler steps.
/// </summary>
internal sealed class YamlMutator(string original)
{
    private static readonly string[] Numbers =
    [
        "-1", "0", "-0", "1", "0.5", "2", "1e308", "-1e308", "1.8e308", "1e-320", "5e-324", ".nan", ".NaN", "NaN", "nan",
        ".inf", "-.inf", "+.inf", ".Inf", "inf", "Infinity", "-Infinity", "2147483647", "2147483648", "-2147483649",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "1e19", "99999999999999999999999999999", "0x7fffffff", "0o17", "1_000", "1,5", "1.", ".5", "+5", "1e", "1e+",
        "00012", "1073741824", "65536", "4097", "4096", "-4096", "1000000", "1000001",
    ];

    private static readonly string[] Strings =
    [
        "", "~", "null", "Null", "true", "false", "yes", "on", "soft_bound", "SoftBounds", "soft bounds", "sar ", "SAR",
        "differential_", "reference_column", "multilayer", "single_layer", "off_chip", "on_chip", "async", "sequential",
        "tanh", "flash", "isaac", "survey", "neurosim", "ideal", "piecewise_step", "pow_step", "linear_step",
        "constant_step", "exp_step", "../devices/missing.yaml", "/", ".", "..", "../devices", "../devices/", "/dev/null",
        "\0", "a\0b", "../devices/\0.yaml", "\uFFFF", "\uD800", " ", "\t", "25 uS", "1e400 S", "NaN V", "-inf S", "1 fV",
        "1e-320 pS", "0.5 GJ", "1 µS", "5 uuS", "uS", " S", "-1 V", "1e308 GV", "10 ns", "1 J", "1e-13 J",
        "../devices/ideal.yaml", "../devices/ecram.yaml", "../devices/reram-sb.yaml", "../devices/gokmen-vlasov.yaml",
        new string('x', 5000),
    ];

    private static readonly string[] Fragments =
    [
        ":", ": ", " ", "-", "- ", "[", "]", "{", "}", ",", "'", "\"", "#", "&a ", "*a", "!", "!!", "!!str ", "!!int ",
        "!!float ", "|", ">", "\t", "\n", "\r", "\r\n", "\0", "%", "@", "`", "?", "? ", "\\", "é", "\u00A0", "\uFEFF",
        "\u2028", "\uFFFF", "\uD800", "---\n", "...\n", "<<: ", "&x ", "*x", "%YAML 1.1\n", "\n- ", "\n  ", "0", "9", ".",
        "e", "e999", "1e-999",
    ];

    private readonly string _original = original;

    public enum StepKind
    {
        Delete,
        Retype,
        Number,
        String,
        Perturb,
        RenameKey,
        AddKey,
        DuplicateEntry,
        Truncate,
        DeleteLine,
        InsertText,
        ReplaceChar,
        Indent,
        SwapLines,
    }

    /// <summary>One step: which mutation, the node or line it targets, the variant, and an offset (all taken modulo what exists).</summary>
    public sealed record Step(StepKind Kind, int Target, int Choice, int Offset)
    {
        public override string ToString() => $"{Kind}(target {Target}, choice {Choice}, offset {Offset})";
    }

    public sealed record RawBytes(int Offset, byte[] Bytes, bool Replace);

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency(
            (3, Gen.Const(StepKind.Delete)), (3, Gen.Const(StepKind.Retype)), (4, Gen.Const(StepKind.Number)),
            (3, Gen.Const(StepKind.String)), (4, Gen.Const(StepKind.Perturb)), (2, Gen.Const(StepKind.RenameKey)),
            (2, Gen.Const(StepKind.AddKey)), (2, Gen.Const(StepKind.DuplicateEntry)), (2, Gen.Const(StepKind.Truncate)),
            (2, Gen.Const(StepKind.DeleteLine)), (2, Gen.Const(StepKind.InsertText)), (1, Gen.Const(StepKind.ReplaceChar)),
            (1, Gen.Const(StepKind.Indent)), (1, Gen.Const(StepKind.SwapLines))),
        Gen.Int[0, 1 << 16],
        Gen.Int[0, 1 << 10],
        Gen.Int[0, 1 << 20],
        (kind, target, choice, offset) => new Step(kind, target, choice, offset));

    private static readonly Gen<RawBytes?> RawGen = Gen.Frequency(
        (9, Gen.Const((RawBytes?)null)),
        (1, Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte.Array[1, 6], Gen.Bool, (o, b, r) => (RawBytes?)new RawBytes(o, b, r))));

    public Gen<Mutant> Mutants => Gen.Select(StepGen.Array[1, 3], RawGen, Apply);

    /// <summary>The file after a parse and re-serialisation with no change: what structural steps start from.</summary>
    public static string RoundTrip(string yaml)
    {
        var stream = Load(yaml);
        return Save(stream);
    }

    public Mutant Apply(Step[] steps, RawBytes? raw)
    {
        string text = _original;
        var description = new StringBuilder();
        foreach (var step in steps)
        {
            text = IsTextual(step.Kind) ? ApplyText(text, step) : ApplyStructural(text, step);
            description.Append(step).Append("; ");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (raw is not null)
        {
            bytes = ApplyRaw(bytes, raw);
            description.Append(CultureInfo.InvariantCulture, $"raw {(raw.Replace ? "replace" : "insert")} {Convert.ToHexString(raw.Bytes)} at {raw.Offset}");
        }

        return new Mutant(description.ToString(), bytes);
    }

    private static bool IsTextual(StepKind kind) => kind >= StepKind.DuplicateEntry;

    private static string ApplyStructural(string text, Step step)
    {
        try
        {
            return Mutate(text, step) ?? ApplyText(text, step with { Kind = StepKind.InsertText });
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // An earlier textual step broke the YAML (or the emitter refuses a value); mutate the text instead.
            return ApplyText(text, step with { Kind = StepKind.InsertText });
        }
    }

    private static string? Mutate(string text, Step step)
    {
        var stream = Load(text);
        if (stream.Documents.Count != 1)
        {
            return null;
        }

        var sites = Sites(stream.Documents[0].RootNode);
        var site = sites[step.Target % sites.Count];
        int c = step.Choice;
        switch (step.Kind)
        {
            case StepKind.Delete when site.Parent is YamlMappingNode map:
                map.Children.Remove(site.Key!);
                break;
            case StepKind.Delete when site.Parent is YamlSequenceNode seq:
                seq.Children.RemoveAt(site.Index);
                break;
            case StepKind.Delete:
                return "";
            case StepKind.Retype:
                Replace(stream, site, Pick(c, OtherShapes(site.Value)));
                break;
            case StepKind.Number:
                Replace(stream, site, Plain(Numbers[c % Numbers.Length]));
                break;
            case StepKind.String:
                Replace(stream, site, new YamlScalarNode(Strings[c % Strings.Length]) { Style = Pick(c / Strings.Length, [ScalarStyle.Plain, ScalarStyle.DoubleQuoted, ScalarStyle.SingleQuoted]) });
                break;
            case StepKind.Perturb:
                Replace(stream, site, Plain(Perturbed(site.Value, c)));
                break;
            case StepKind.RenameKey when site.Parent is YamlMappingNode map:
                Rename(map, site.Key!, RenamedKey(site.Key!.Value!, sites, c));
                break;
            case StepKind.AddKey:
                if ((site.Value as YamlMappingNode ?? site.Parent as YamlMappingNode ?? stream.Documents[0].RootNode as YamlMappingNode) is not { } target)
                {
                    return null;
                }

                var keys = sites.Where(s => s.Key is not null).Select(s => s.Key!.Value!).Append("extra_key").Append("<<").ToArray();
                var key = new YamlScalarNode(keys[c % keys.Length]);
                if (!target.Children.ContainsKey(key))
                {
                    target.Children.Add(key, Pick<YamlNode>(c / keys.Length, [Plain(Numbers[c % Numbers.Length]), new YamlScalarNode("x"), new YamlMappingNode(), new YamlSequenceNode(Plain("1"))]));
                }

                break;
            default:
                return text;
        }

        return Save(stream);
    }

    private static string ApplyText(string text, Step step)
    {
        string[] lines = text.Split('\n');
        int line = step.Target % lines.Length;
        int offset = text.Length == 0 ? 0 : step.Offset % (text.Length + 1);
        switch (step.Kind)
        {
            case StepKind.DuplicateEntry:
                return DuplicateEntry(text, step);
            case StepKind.Truncate:
                return text[..offset];
            case StepKind.DeleteLine:
                return string.Join('\n', lines.Where((_, i) => i != line));
            case StepKind.InsertText:
                return text.Insert(offset, Fragments[step.Choice % Fragments.Length]);
            case StepKind.ReplaceChar when text.Length > 0:
                return string.Concat(text.AsSpan(0, Math.Min(offset, text.Length - 1)), Fragments[step.Choice % Fragments.Length], text.AsSpan(Math.Min(offset + 1, text.Length)));
            case StepKind.Indent:
                lines[line] = step.Choice % 2 == 0 ? " " + lines[line] : lines[line].TrimStart();
                return string.Join('\n', lines);
            case StepKind.SwapLines when lines.Length > 1:
                int next = (line + 1) % lines.Length;
                (lines[line], lines[next]) = (lines[next], lines[line]);
                return string.Join('\n', lines);
            default:
                return text;
        }
    }

    /// <summary>Copies a whole entry (key line and its indented block) right after itself: the typical copy-paste duplicate.</summary>
    private static string DuplicateEntry(string text, Step step)
    {
        YamlStream stream;
        try
        {
            stream = Load(text);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            return ApplyText(text, step with { Kind = StepKind.InsertText });
        }

        if (stream.Documents.Count != 1)
        {
            return text;
        }

        var keyed = Sites(stream.Documents[0].RootNode).Where(s => s.Key is not null).ToList();
        if (keyed.Count == 0)
        {
            return text;
        }

        var site = keyed[step.Target % keyed.Count];
        string[] lines = text.Split('\n');
        int first = (int)site.Key!.Start.Line - 1;
        int indent = lines[first].Length - lines[first].TrimStart().Length;
        int end = first + 1;
        while (end < lines.Length && (lines[end].Trim().Length == 0 || lines[end].Length - lines[end].TrimStart().Length > indent))
        {
            end++;
        }

        var copy = lines[first..end];
        return string.Join('\n', [.. lines[..end], .. copy, .. lines[end..]]);
    }

    private static byte[] ApplyRaw(byte[] bytes, RawBytes raw)
    {
        int offset = raw.Offset % (bytes.Length + 1);
        int removed = raw.Replace ? Math.Min(raw.Bytes.Length, bytes.Length - offset) : 0;
        return [.. bytes[..offset], .. raw.Bytes, .. bytes[(offset + removed)..]];
    }

    /// <summary>A node of the tree, with how to reach it from its parent (root: no parent).</summary>
    private sealed record Site(YamlNode? Parent, YamlScalarNode? Key, int Index, YamlNode Value);

    private static List<Site> Sites(YamlNode root)
    {
        var sites = new List<Site> { new(null, null, 0, root) };
        for (int i = 0; i < sites.Count; i++)
        {
            switch (sites[i].Value)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is YamlScalarNode scalarKey)
                        {
                            sites.Add(new Site(map, scalarKey, 0, value));
                        }
                    }

                    break;
                case YamlSequenceNode seq:
                    for (int j = 0; j < seq.Children.Count; j++)
                    {
                        sites.Add(new Site(seq, null, j, seq.Children[j]));
                    }

                    break;
            }
        }

        return sites;
    }

    private static void Replace(YamlStream stream, Site site, YamlNode value)
    {
        switch (site.Parent)
        {
            case YamlMappingNode map:
                map.Children[site.Key!] = value;
                break;
            case YamlSequenceNode seq:
                seq.Children[site.Index] = value;
                break;
            default:
                stream.Documents[0] = new YamlDocument(value);
                break;
        }
    }

    private static YamlNode[] OtherShapes(YamlNode value)
    {
        YamlNode[] shapes =
        [
            new YamlMappingNode(new YamlScalarNode("x"), Plain("1")),
            new YamlMappingNode(),
            new YamlSequenceNode(Plain("1"), Plain("2")),
            new YamlSequenceNode(),
            new YamlSequenceNode((YamlNode)new YamlSequenceNode()),
            new YamlSequenceNode(new YamlMappingNode(new YamlScalarNode("a"), Plain("1"))),
            new YamlScalarNode("text"),
            Plain(""),
            new YamlScalarNode("line one\nline two") { Style = ScalarStyle.Literal },
        ];
        return value switch
        {
            YamlMappingNode => [.. shapes.Where(s => s is not YamlMappingNode)],
            YamlSequenceNode => [.. shapes.Where(s => s is not YamlSequenceNode)],
            _ => shapes,
        };
    }

    /// <summary>A nearby, negated, scaled or integer-boundary variant of a number, so ranges are probed on both sides.</summary>
    private static string Perturbed(YamlNode value, int c)
    {
        if (value is not YamlScalarNode { Value: { } s } ||
            !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return Numbers[c % Numbers.Length];
        }

        double[] variants = [-v, v + 1, v - 1, v + 0.5, v * 2, v / 2, v * 10, v / 10, v * 1e10, v * 1e300, v / 1e300, v * int.MaxValue, -v - 1, 0];
        double picked = variants[c % variants.Length];
        bool integral = Math.Floor(picked) == picked && Math.Abs(picked) < 1e20;
        return integral ? ((decimal)picked).ToString(CultureInfo.InvariantCulture) : picked.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string RenamedKey(string key, List<Site> sites, int c)
    {
        string[] others = [.. sites.Where(s => s.Key is not null).Select(s => s.Key!.Value!).Distinct()];
        string[] variants = [key + "x", key.ToUpperInvariant(), key[..^1], key.Replace('_', '-'), " " + key, key + " ", "<<", "", others[c % others.Length]];
        return variants[c % variants.Length];
    }

    private static void Rename(YamlMappingNode map, YamlScalarNode key, string name)
    {
        var renamed = new YamlScalarNode(name);
        if (map.Children.ContainsKey(renamed))
        {
            return;
        }

        var entries = map.Children.ToList();
        map.Children.Clear();
        foreach (var (k, v) in entries)
        {
            map.Children.Add(ReferenceEquals(k, key) ? renamed : k, v);
        }
    }

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    private static T Pick<T>(int choice, T[] options) => options[choice % options.Length];

    private static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }

    private static string Save(YamlStream stream)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
