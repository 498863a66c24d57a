using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

/// <summary>The example in src/Sim/README.md, verbatim, so the documentation cannot drift from the code.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_ends_at_5000_ps_with_eight_conversions()
    {
        var sim = new Simulation(seed: 42);
        var adcs = new Resource(sim, capacity: 2, name: "adc");
        var done = new Signal(sim, "conversion-done");
        int latched = 0;

        IEnumerable<Wait> Column(int c)
        {
            yield return sim.Timeout(1_000);
            using var adc = adcs.Request();
            yield return adc;
            yield return sim.Timeout(1_000);
            done.Fire();
        }

        IEnumerable<Wait> Neuron()
        {
            while (true)
            {
                yield return done;
                latched++;
            }
        }

        for (int c = 0; c < 8; c++)
        {
            sim.Process(Column(c), $"column{c}");
        }

        sim.Process(Neuron(), "neuron");
        sim.Run();
        Assert.Equal(5_000, sim.Now);
        Assert.Equal(4, latched);  // two columns finish per round, and one fire wakes the neuron once
        Assert.Equal(8, adcs.Grants);
    }
}
