using System.Reflection;

namespace Engram.Cli.Tests;

/// <summary>
/// docs/architecture.md: Cli → Workloads → Components → Models, Components → Sim, and Sim and Models depend
/// on nothing of ours. A reference that breaks this shows up here, not in a review.
/// </summary>
public class LayeringTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Engram.Sim", [] },
        { "Engram.Models", [] },
        { "Engram.Components", ["Engram.Sim", "Engram.Models"] },
        { "Engram.Workloads", ["Engram.Components", "Engram.Sim", "Engram.Models"] },
        { "engram", ["Engram.Workloads", "Engram.Components", "Engram.Sim", "Engram.Models"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Projects_reference_only_the_layers_below_them(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Engram.", StringComparison.Ordinal) || n == "engram")
            .ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void The_kernel_references_only_the_base_class_library()
    {
        var references = Assembly.Load("Engram.Sim").GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", r));
    }
}
