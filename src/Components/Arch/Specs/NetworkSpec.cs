namespace Engram.Components.Arch;

public enum NetworkKind
{
    SingleLayer,
    Multilayer,
}

/// <summary><c>network</c>: N visible neurons, and H hidden ones for the N→H→N multilayer memory.</summary>
public sealed record NetworkSpec(NetworkKind Kind, int Neurons, int Hidden)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("network.kind", "—", "`single_layer` \\| `multilayer`", "—", "N×N recurrent layer, or N → H → N"),
        new("network.neurons", "—", "≥ 1", "—", "N, visible neurons"),
        new("network.hidden", "—", "≥ 1", "—", "H; required for `multilayer`, forbidden for `single_layer`"),
    ];

    public int Layers => Kind == NetworkKind.Multilayer ? 2 : 1;

    public static NetworkSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("kind", "neurons", "hidden");
        var kind = map.RequireEnum<NetworkKind>("kind");
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
