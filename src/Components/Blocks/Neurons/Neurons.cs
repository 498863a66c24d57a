namespace Engram.Components.Blocks.Neurons;

/// <summary>The neuron functions a chip may name in <c>periphery.neuron</c>; add one with <see cref="Register"/>.</summary>
public static class Neurons
{
    public static readonly INeuron Sign = new SignNeuron();

    public static readonly INeuron Tanh = new TanhNeuron();

    private static readonly Registry<INeuron> Entries = Create();

    public static IReadOnlyList<string> Names => Entries.Names;

    public static void Register(INeuron neuron) => Entries.Register(neuron.Name, neuron);

    public static bool TryGet(string name, out INeuron neuron) => Entries.TryGet(name, out neuron);

    private static Registry<INeuron> Create()
    {
        var registry = new Registry<INeuron>("neuron");
        registry.Register(Sign.Name, Sign);
        registry.Register(Tanh.Name, Tanh);
        return registry;
    }
}
