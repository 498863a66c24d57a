namespace Engram.Sim.Tracing;

/// <summary>A trace category: one bit of a <see cref="ComponentTraceFilter"/>, registered by name.</summary>
public readonly record struct TraceCategory(int Bit, string Name)
{
    public ulong Mask => 1UL << Bit;
}

/// <summary>
/// Which component-trace categories are on. Components ask <see cref="IsEnabled"/> before they build
/// any string or record, so tracing that is off costs one AND per call site.
/// </summary>
public sealed class ComponentTraceFilter
{
    private readonly List<string> _names = [];
    private ulong _enabled;

    public ulong EnabledMask => _enabled;

    public IReadOnlyList<string> Categories => _names;

    /// <summary>Returns the category with this name, registering it (up to 64) on first use.</summary>
    public TraceCategory Category(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        int index = _names.IndexOf(name);
        if (index < 0)
        {
            if (_names.Count == 64)
            {
                throw new InvalidOperationException("at most 64 trace categories can be registered");
            }

            _names.Add(name);
            index = _names.Count - 1;
        }

        return new TraceCategory(index, name);
    }

    public bool IsEnabled(TraceCategory category) => (_enabled & category.Mask) != 0;

    public void Enable(TraceCategory category) => _enabled |= category.Mask;

    public void Disable(TraceCategory category) => _enabled &= ~category.Mask;

    public void EnableAll() => _enabled = ulong.MaxValue;

    /// <summary>Enables the named categories (registering them), e.g. from a command-line list.</summary>
    public void Enable(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Enable(Category(name));
        }
    }
}
