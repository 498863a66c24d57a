namespace Engram.Components.Blocks.Drivers;

/// <summary>The input drivers by name, each made for a DAC resolution; <see cref="For"/> picks one from <c>periphery.dac_bits</c>.</summary>
public static class InputDrivers
{
    private static readonly Registry<Func<int, IInputDriver>> Entries = Create();

    public static void Register(string name, Func<int, IInputDriver> create) => Entries.Register(name, create);

    public static IInputDriver Create(string name, int dacBits) => Entries.Get(name)(dacBits);

    /// <summary>1 bit drives binary states bipolarly; more bits drive magnitude planes bit-serially.</summary>
    public static IInputDriver For(int dacBits) => Create(dacBits == 1 ? "bipolar" : "bit_serial", dacBits);

    private static Registry<Func<int, IInputDriver>> Create()
    {
        var registry = new Registry<Func<int, IInputDriver>>("input driver");
        registry.Register("bipolar", _ => new BipolarRowDriver());
        registry.Register("bit_serial", bits => new BitSerialDac(bits));
        return registry;
    }
}
