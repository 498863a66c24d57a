using Engram.Components.Blocks;

namespace Engram.Components.Arch;

/// <summary>
/// <c>clocks</c>: the chip clock (<see cref="PeriodPs"/>), optional further clock domains by name, and which block
/// kinds run on which domain (every kind not named runs on the chip clock). Every action of a block takes whole
/// cycles of its own domain and starts on one of its edges.
/// </summary>
public sealed record ClockSpec(long PeriodPs)
{
    /// <summary>The name of the chip clock's domain.</summary>
    public const string ChipDomain = "chip";

    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("clocks.period_ps", "ps", "≥ 1", "—", "the chip clock: every block not assigned elsewhere takes whole cycles of it"),
        new("clocks.domains.<name>.period_ps", "ps", "≥ 1", "none", "a further clock domain (e.g. a slower ADC clock); `chip` is reserved"),
        new("clocks.blocks.<kind>", "—", "a domain name", "`chip`", "the domain a block kind runs on (`adc`, `neuron`, `shift_add`, ...)"),
    ];

    /// <summary>Further domains: name → period (ps).</summary>
    public IReadOnlyDictionary<string, long> Domains { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Block kind → domain name, for kinds not on the chip clock.</summary>
    public IReadOnlyDictionary<string, string> Blocks { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string DomainOf(string kind) => Blocks.TryGetValue(kind, out var domain) ? domain : ChipDomain;

    public long PeriodOfDomain(string domain) => domain == ChipDomain ? PeriodPs : Domains[domain];

    /// <summary>The clock period of the domain a block kind runs on.</summary>
    public long PeriodOf(string kind) => PeriodOfDomain(DomainOf(kind));

    /// <summary>Every domain, the chip's first, then the others by name.</summary>
    public IEnumerable<(string Name, long PeriodPs)> AllDomains() =>
        new[] { (ChipDomain, PeriodPs) }.Concat(Domains.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value)));

    public bool Equals(ClockSpec? other) =>
        other is not null && PeriodPs == other.PeriodPs &&
        Domains.Count == other.Domains.Count && Domains.All(d => other.Domains.TryGetValue(d.Key, out long p) && p == d.Value) &&
        Blocks.Count == other.Blocks.Count && Blocks.All(b => other.Blocks.TryGetValue(b.Key, out var d) && d == b.Value);

    public override int GetHashCode() => PeriodPs.GetHashCode();

    public static ClockSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("period_ps", "domains", "blocks");
        long period = map.RequireLong("period_ps", 1);
        var domains = new Dictionary<string, long>(StringComparer.Ordinal);
        if (map.OptionalMap("domains") is { } domainMap)
        {
            foreach (string name in domainMap.Keys)
            {
                if (name == ChipDomain)
                {
                    throw domainMap.ErrorAt(name, $"'{ChipDomain}' is the chip clock (clocks.period_ps); name the domain otherwise");
                }

                var domain = domainMap.RequireMap(name);
                domain.EnsureOnlyKeys("period_ps");
                domains[name] = domain.RequireLong("period_ps", 1);
                domain.EnsureNoUnknownKeys();
            }

            domainMap.EnsureNoUnknownKeys();
        }

        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.OptionalMap("blocks") is { } blockMap)
        {
            blockMap.EnsureOnlyKeys([.. BlockKinds.Clocked]);
            foreach (string kind in blockMap.Keys)
            {
                string domain = blockMap.RequireString(kind);
                if (domain != ChipDomain && !domains.ContainsKey(domain))
                {
                    throw blockMap.ErrorAt(kind, $"no clock domain '{domain}'; domains: {string.Join(", ", new[] { ChipDomain }.Concat(domains.Keys.Order(StringComparer.Ordinal)))}");
                }

                blocks[kind] = domain;
            }

            blockMap.EnsureNoUnknownKeys();
        }

        map.EnsureNoUnknownKeys();
        return new ClockSpec(period) { Domains = domains, Blocks = blocks };
    }
}
