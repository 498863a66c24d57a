namespace Engram.Components.Blocks.Adc;

/// <summary>The ADC types a chip may name in <c>periphery.adc.type</c>; add one with <see cref="Register"/>.</summary>
public static class AdcTypes
{
    private static readonly Registry<IAdcType> Entries = Create();

    public static IReadOnlyList<string> Names => Entries.Names;

    public static void Register(IAdcType type) => Entries.Register(type.Name, type);

    public static bool TryGet(string name, out IAdcType type) => Entries.TryGet(name, out type);

    private static Registry<IAdcType> Create()
    {
        var registry = new Registry<IAdcType>("ADC type");
        foreach (var type in new IAdcType[] { new SarAdcType(), new FlashAdcType(), new SenseAmpAdcType() })
        {
            registry.Register(type.Name, type);
        }

        return registry;
    }
}
