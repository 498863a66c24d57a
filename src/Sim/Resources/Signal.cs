using System.Runtime.CompilerServices;
using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A reusable notification (a clock edge, "queue not empty"). <see cref="Fire"/> wakes everything
/// waiting at that moment, in the order it started waiting; waiting again needs a new yield. Unlike
/// an <see cref="Event"/> it never allocates per use.
/// </summary>
/// <remarks>
/// Process waiters are kept by slot in a plain int array (anything else, a sleeping clocked block, by
/// reference in a side list, with slot -1 marking its place). A process that starts waiting also takes
/// the list's token, unique in the simulation, as its scheduled sequence. A fire hands each stretch of
/// process slots to the kernel as one run of consecutive sequence numbers (a copy of the ints); an entry
/// of the run is live while its process still holds the token, so a process interrupted after the fire,
/// even one that waits here again, is never woken twice. The result is exactly the order, sequences and
/// high-water mark of scheduling each waiter in turn.
/// </remarks>
public sealed class Signal
{
    private readonly Simulation _simulation;
    private int[] _slots = new int[8];
    private int[] _firingSlots = new int[8];
    private IWakeable[] _others = new IWakeable[2];
    private IWakeable[] _firingOthers = new IWakeable[2];
    private int _count;
    private int _otherCount;
    private long _token;

    public Signal(Simulation simulation, string? name = null)
    {
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Name = name ?? "signal";
        _token = simulation.NextWaiterToken();
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

        // Swap buffers and take a fresh token, so that anything that starts waiting while we wake the
        // others waits for the next fire.
        var slots = _slots;
        _slots = _firingSlots;
        _firingSlots = slots;
        int others = _otherCount;
        var otherList = _others;
        if (others > 0)
        {
            _others = _firingOthers;
            _firingOthers = otherList;
        }

        long token = _token;
        _token = _simulation.NextWaiterToken();
        _count = 0;
        _otherCount = 0;
        _simulation.WakeWaiters(slots.AsSpan(0, n), otherList.AsSpan(0, others), token);
        if (others > 0)
        {
            Array.Clear(otherList, 0, others);
        }
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

    /// <summary>A process waits by its slot and takes the list's token as its scheduled sequence.</summary>
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
        var slots = _slots;
        if ((uint)count >= (uint)slots.Length)
        {
            slots = Grow();
        }

        slots[count] = slot;
        _count = count + 1;
        process.ScheduledSequence = _token;
    }

    /// <summary>
    /// <see cref="AddWaiter(Process)"/> for a process known to hold <paramref name="slot"/>, the one a
    /// signal's resume loop is running.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddWaiter(Process process, int slot)
    {
        int count = _count;
        var slots = _slots;
        if ((uint)count < (uint)slots.Length)
        {
            slots[count] = slot;
            _count = count + 1;
            process.ScheduledSequence = _token;
            return;
        }

        AddWaiterGrowing(process);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddWaiterGrowing(Process process) => AddWaiter(process);

    internal bool RemoveWaiter(IWakeable waiter)
    {
        int slot = waiter is Process p && p.Slot >= 0 ? p.Slot : -1;
        int other = 0;
        for (int i = 0; i < _count; i++)
        {
            int s = _slots[i];
            bool match = s >= 0 ? s == slot : ReferenceEquals(_others[other], waiter);
            if (match)
            {
                Array.Copy(_slots, i + 1, _slots, i, _count - i - 1);
                _count--;
                if (s < 0)
                {
                    Array.Copy(_others, other + 1, _others, other, _otherCount - other - 1);
                    _others[--_otherCount] = null!;
                }

                return true;
            }

            if (s < 0)
            {
                other++;
            }
        }

        return false;
    }

    private void AddOther(IWakeable waiter)
    {
        int count = _count;
        var slots = _slots;
        if (count == slots.Length)
        {
            slots = Grow();
        }

        if (_otherCount == _others.Length)
        {
            Array.Resize(ref _others, _otherCount * 2);
            if (_firingOthers.Length < _others.Length)
            {
                _firingOthers = new IWakeable[_others.Length];
            }
        }

        slots[count] = -1;
        _others[_otherCount++] = waiter;
        _count = count + 1;
    }

    private int[] Grow()
    {
        Array.Resize(ref _slots, _count * 2);
        if (_firingSlots.Length < _slots.Length)
        {
            _firingSlots = new int[_slots.Length];
        }

        return _slots;
    }
}
