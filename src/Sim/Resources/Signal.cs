using System.Runtime.CompilerServices;
using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A reusable notification (a clock edge, "queue not empty"). <see cref="Fire"/> wakes everything
/// waiting at that moment, in the order it started waiting; waiting again needs a new yield. Unlike
/// an <see cref="Event"/> it never allocates per use.
/// </summary>
/// <remarks>
/// Waiters are kept in an array of structs (no covariant array-store checks), and a fire hands the
/// whole list to the kernel at once: process waiters go straight into the run queue with consecutive
/// sequence numbers, exactly as if each had been scheduled in turn.
/// </remarks>
public sealed class Signal
{
    private readonly Simulation _simulation;
    private WaiterRef[] _waiters = new WaiterRef[8];
    private WaiterRef[] _firing = new WaiterRef[8];
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
        var firing = _waiters;
        _waiters = _firing;
        _firing = firing;
        _count = 0;
        _simulation.WakeAll(firing, n);
    }

    public override string ToString() => $"Signal '{Name}'";

    internal void AddWaiter(IWakeable waiter)
    {
        if (waiter is Process p)
        {
            AddWaiter(p);
            return;
        }

        AddOther(waiter);
    }

    /// <summary>A process waits by its slot: an int store, no reference (no GC write barrier).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddWaiter(Process process)
    {
        int slot = process.Slot;
        if (slot < 0)
        {
            AddOther(process);
            return;
        }

        int count = _count;
        var waiters = _waiters;
        if ((uint)count >= (uint)waiters.Length)
        {
            Grow();
            waiters = _waiters;
        }

        waiters[count].Slot = slot;
        _count = count + 1;
    }

    internal bool RemoveWaiter(IWakeable waiter)
    {
        int slot = waiter is Process p && p.Slot >= 0 ? p.Slot : -1;
        for (int i = 0; i < _count; i++)
        {
            ref var entry = ref _waiters[i];
            if (entry.Other is null ? entry.Slot == slot : ReferenceEquals(entry.Other, waiter))
            {
                Array.Copy(_waiters, i + 1, _waiters, i, _count - i - 1);
                _waiters[--_count] = default;
                return true;
            }
        }

        return false;
    }

    private void AddOther(IWakeable waiter)
    {
        int count = _count;
        if (count == _waiters.Length)
        {
            Grow();
        }

        _waiters[count].Slot = -1;
        _waiters[count].Other = waiter;
        _count = count + 1;
    }

    private void Grow()
    {
        Array.Resize(ref _waiters, _count * 2);
        if (_firing.Length < _waiters.Length)
        {
            _firing = new WaiterRef[_waiters.Length];
        }
    }
}

/// <summary>
/// One entry of a signal's waiter list: a process by its slot (<see cref="Other"/> null), anything else
/// (a sleeping clocked block) by reference. Entries past the list's end always have <see cref="Other"/>
/// null, so adding a process stores only an int.
/// </summary>
internal struct WaiterRef
{
    public int Slot;
    public IWakeable? Other;
}
