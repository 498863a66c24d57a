namespace Engram.Components.Arch;

public enum NetworkKind
{
    SingleLayer,
    Multilayer,

    /// <summary>A feed-forward classifier trained on the chip (<c>engram train</c>); not an associative memory.</summary>
    Mlp,
}

/// <summary>
/// <c>network</c>: N visible neurons, and H hidden ones for the N→H→N multilayer memory; or, for an <c>mlp</c>,
/// the layer widths from input to output (<c>layers: [64, 32, 10]</c>), each weight layer with a bias row.
/// </summary>
public sealed record NetworkSpec(NetworkKind Kind, int Neurons, int Hidden)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("network.kind", "—", "`single_layer` \\| `multilayer` \\| `mlp`", "—", "N×N recurrent layer, N → H → N, or a feed-forward classifier for `engram train`"),
        new("network.neurons", "—", "≥ 1", "—", "N, visible neurons (not for `mlp`)"),
        new("network.hidden", "—", "≥ 1", "—", "H; required for `multilayer`, forbidden otherwise"),
        new("network.layers", "—", "≥ 2 widths, each ≥ 1", "—", "`mlp` only: widths from input to output; each weight layer has one bias row driven at a constant input"),
    ];

    /// <summary>The widths of an <c>mlp</c> from input to output (empty otherwise).</summary>
    public IReadOnlyList<int> Widths { get; init; } = [];

    public int Layers => Kind switch
    {
        NetworkKind.Multilayer => 2,
        NetworkKind.Mlp => Widths.Count - 1,
        _ => 1,
    };

    /// <summary>
    /// The weight matrices as (array rows, array columns): inputs drive rows, outputs are read on columns; an
    /// <c>mlp</c> layer carries one extra row for its bias.
    /// </summary>
    public IReadOnlyList<(int Inputs, int Outputs)> WeightShapes() => Kind switch
    {
        NetworkKind.Multilayer => [(Neurons, Hidden), (Hidden, Neurons)],
        NetworkKind.Mlp => [.. Enumerable.Range(0, Widths.Count - 1).Select(l => (Widths[l] + 1, Widths[l + 1]))],
        _ => [(Neurons, Neurons)],
    };

    public static NetworkSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("kind", "neurons", "hidden", "layers");
        var kind = map.RequireEnum<NetworkKind>("kind");
        if (kind == NetworkKind.Mlp)
        {
            foreach (string key in new[] { "neurons", "hidden" })
            {
                if (map.Has(key))
                {
                    throw map.ErrorAt(key, "an mlp is described by its layer widths; remove it and give network.layers");
                }
            }

            var widths = map.RequireDoubleList("layers", 1, 1 << 20, minCount: 2);
            if (widths.Any(w => w != Math.Floor(w)))
            {
                throw map.ErrorAt("layers", "layer widths must be whole numbers");
            }

            map.EnsureNoUnknownKeys();
            var list = widths.Select(w => (int)w).ToArray();
            return new NetworkSpec(kind, list[0], 0) { Widths = list };
        }

        if (map.Has("layers"))
        {
            throw map.ErrorAt("layers", "only an mlp lists layer widths; use neurons (and hidden) or set kind: mlp");
        }

        int neurons = map.RequireInt("neurons", 1);
        int hidden = 0;
        if (kind == NetworkKind.Multilayer)
        {
            hidden = map.RequireInt("hidden", 1);
        }
        else if (map.Has("hidden"))
        {
            throw map.ErrorAt("hidden", "only a multilayer network has hidden neurons; remove it or set kind: multilayer");
        }

        map.EnsureNoUnknownKeys();
        return new NetworkSpec(kind, neurons, hidden);
    }
}
