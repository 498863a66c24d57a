using System.Text.RegularExpressions;
using Engram.Components.Arch;
using Engram.Models.Devices;

namespace Engram.Components.Tests.Arch;

public partial class ShippedDeviceCardTests
{
    public static TheoryData<string> Cards
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string file in Directory.GetFiles(RepoPaths.DeviceCards, "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    [Fact]
    public void The_required_cards_are_shipped()
    {
        var names = Directory.GetFiles(RepoPaths.DeviceCards, "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Subset(names.ToHashSet(), new HashSet<string?> { "ideal", "hnn64-rram", "reram-es", "reram-sb", "idealized", "gokmen-vlasov", "ecram", "softbounds" });
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_shipped_card_loads_and_builds_an_array(string file)
    {
        var card = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), card.Name);
        var array = new DeviceArray(card, 8, 8, new Random(1), new Random(2));
        Assert.Equal(card.PulseResponse.Model, array.Response.Kind);
        Assert.NotEmpty(card.Sources);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_value_line_carries_a_source_comment(string file)
    {
        bool inProvenance = false;
        foreach (string line in File.ReadLines(Path.Combine(RepoPaths.DeviceCards, file)))
        {
            if (line.StartsWith("provenance:", StringComparison.Ordinal))
            {
                inProvenance = true;
            }
            else if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inProvenance = false;
            }

            var match = ValueLine().Match(line);
            if (!inProvenance && match.Success && match.Groups["key"].Value is not ("name" or "description"))
            {
                Assert.True(line.Contains('#', StringComparison.Ordinal), $"{file}: no source comment on '{line.Trim()}'");
            }
        }
    }

    [Fact]
    public void Preset_cards_carry_the_aihwkit_values()
    {
        var es = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "reram-es.yaml")).PulseResponse;
        Assert.Equal(PulseResponseKind.ExpStep, es.Model);
        Assert.Equal(0.00135, es.DwMin);
        Assert.Equal(0.259359, es.UpDown);
        Assert.Equal(new ExpStepParameters { A = -0.5, B = -0.5, GammaUp = 5, GammaDown = 5, AUp = -1.18445, ADown = -0.081404 }, es.ExpStep);

        var sb = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "reram-sb.yaml")).PulseResponse;
        Assert.Equal((PulseResponseKind.SoftBounds, 1.25, -0.75, 3.75, false), (sb.Model, sb.WMax, sb.WMin, sb.DwMinStd, sb.LinearStep.MultNoise));

        var ecram = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "ecram.yaml")).PulseResponse;
        Assert.Equal((0.1153, 0.5085, 0.05), (ecram.LinearStep.GammaUp, ecram.LinearStep.GammaDown, ecram.LinearStep.GammaUpDtod));

        var gv = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "gokmen-vlasov.yaml")).PulseResponse;
        Assert.Equal((PulseResponseKind.ConstantStep, 0.0016, 0.01), (gv.Model, gv.DwMin, gv.UpDownDtod));

        var idealized = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "idealized.yaml")).PulseResponse;
        Assert.Equal(10000, PulseResponse.Create(idealized, 1, new Random(1)).StateCount, 6);

        var rram = DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"));
        Assert.Equal(0.002, rram.Faults.RateFraction);
        Assert.Contains("99.8", rram.Sources["faults.rate"], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?<key>[a-z_0-9.]+):\s+[^\s#]")]
    private static partial Regex ValueLine();
}
