using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A reusable notification (a clock edge, "queue not empty"). <see cref="Fire"/> wakes everything
/// waiting at that moment, in the order it started waiting; waiting again needs a new yield. Unlike
/// an <see cref="Event"/> it never allocates per use.
/// </summary>
public sealed class Signal
{
    private readonly Simulation _simulation;
    private IWakeable[] _waiters = new IWakeable[8];
    private IWakeable[] _firing = new IWakeable[8];
    private int _count;

    public Signal(Simulation simulation, string? name = null)
    {
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Name = name ?? "signal";
    }

    public string Name { get; }

    public int WaiterCount => _count;

    public long FireCount { get; private set; }

    public Simulation Simulation => _simulation;

    /// <summary>Wakes the current waiters at this tick; each resumes after work already scheduled.</summary>
    public void Fire()
    {
        FireCount++;
        int n = _count;
        if (n == 0)
        {
            return;
        }

        // Swap buffers so that anything that starts waiting while we wake others waits for the next fire.
        (_waiters, _firing) = (_firing, _waiters);
        _count = 0;
        var firing = _firing;
        for (int i = 0; i < n; i++)
        {
            var w = firing[i];
            firing[i] = null!;
            w.Wake();
        }
    }

    public override string ToString() => $"Signal '{Name}'";

    internal void AddWaiter(IWakeable waiter)
    {
        if (_count == _waiters.Length)
        {
            Array.Resize(ref _waiters, _count * 2);
            if (_firing.Length < _waiters.Length)
            {
                _firing = new IWakeable[_waiters.Length];
            }
        }

        _waiters[_count++] = waiter;
    }

    internal bool RemoveWaiter(IWakeable waiter)
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_waiters[i], waiter))
            {
                Array.Copy(_waiters, i + 1, _waiters, i, _count - i - 1);
                _waiters[--_count] = null!;
                return true;
            }
        }

        return false;
    }
}
