namespace Engram.Components.Blocks.Crossbar;

/// <summary>The weight mappings a chip may name in <c>devices.mapping</c>; add one with <see cref="Register"/>.</summary>
public static class WeightMappings
{
    public static readonly IWeightMapping Differential = new DifferentialPairMapping();

    public static readonly IWeightMapping ReferenceColumn = new ReferenceColumnWeightMapping();

    private static readonly Registry<IWeightMapping> Entries = Create();

    public static IReadOnlyList<string> Names => Entries.Names;

    public static void Register(IWeightMapping mapping) => Entries.Register(mapping.Name, mapping);

    public static bool TryGet(string name, out IWeightMapping mapping) => Entries.TryGet(name, out mapping);

    private static Registry<IWeightMapping> Create()
    {
        var registry = new Registry<IWeightMapping>("weight mapping");
        registry.Register(Differential.Name, Differential);
        registry.Register(ReferenceColumn.Name, ReferenceColumn);
        return registry;
    }
}
