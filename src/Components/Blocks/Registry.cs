namespace Engram.Components.Blocks;

/// <summary>
/// The variation points of a chip (ADC types, weight mappings, input drivers, neurons, schedulers) by their YAML
/// name. Adding one means a new type and one <see cref="Register"/> call; the loader and the chip look names up
/// here. Registration is thread-safe; names are ordinal and case-sensitive, like YAML values.
/// </summary>
public sealed class Registry<T>(string what)
    where T : class
{
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Registers <paramref name="entry"/> under <paramref name="name"/>; registering a name again fails unless it is the same (equal) entry.</summary>
    public void Register(string name, T entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            if (_entries.TryGetValue(name, out var existing))
            {
                if (ReferenceEquals(existing, entry) || existing.Equals(entry))
                {
                    return;
                }

                throw new InvalidOperationException($"{what} '{name}' is already registered ({existing.GetType().Name})");
            }

            _entries[name] = entry;
        }
    }

    public bool TryGet(string name, out T entry)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(name, out entry!);
        }
    }

    public T Get(string name) => TryGet(name, out var entry)
        ? entry
        : throw new ArgumentException($"unknown {what} '{name}'; expected one of {string.Join(", ", Names)}");

    /// <summary>Registered names in ordinal order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }
}
