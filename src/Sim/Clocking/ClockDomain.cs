using Engram.Sim.Core;
using Engram.Sim.Tracing;

namespace Engram.Sim.Clocking;

/// <summary>
/// A clock with a period (and phase) in picoseconds. Edges sit at <c>phase + k·period</c>; cycle k
/// starts at edge k. Registered <see cref="IClocked"/> blocks are ticked at each edge while awake, in
/// registration order; the domain leaves the queue entirely when every block sleeps.
/// </summary>
public sealed class ClockDomain : Schedulable
{
    private ClockedHandle[] _handles = new ClockedHandle[8];
    private int _handleCount;
    private ClockedHandle[] _active = new ClockedHandle[8];
    private int _activeCount;
    private ClockedHandle[] _pending = new ClockedHandle[8];
    private int _pendingCount;
    private bool _scheduled;
    private bool _dispatching;
    private long _lastEdge = long.MinValue;
    private bool _anyTwoPhase;

    public ClockDomain(Simulation simulation, long periodPs, long phasePs = 0, string? name = null)
        : base(simulation, SimTraceKind.ClockEdge, resident: true)
    {
        if (periodPs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periodPs), periodPs, "a clock period must be at least 1 ps");
        }

        if (phasePs < 0 || phasePs >= periodPs)
        {
            throw new ArgumentOutOfRangeException(nameof(phasePs), phasePs, "the phase must lie in [0, period)");
        }

        PeriodPs = periodPs;
        PhasePs = phasePs;
        Name = name ?? $"clock{periodPs}ps";
    }

    public string Name { get; }

    public long PeriodPs { get; }

    public long PhasePs { get; }

    public double FrequencyHz => 1e12 / PeriodPs;

    /// <summary>Edges at which at least one block was ticked.</summary>
    public long ActiveEdges { get; private set; }

    /// <summary>The cycle that contains <see cref="Simulation.Now"/> (-1 before the first edge).</summary>
    public long CurrentCycle => CycleAt(Simulation.Now);

    /// <summary>The first edge at or after <paramref name="tick"/>.</summary>
    public long NextEdge(long tick)
    {
        if (tick <= PhasePs)
        {
            return PhasePs;
        }

        long since = tick - PhasePs;
        return PhasePs + ((since + PeriodPs - 1) / PeriodPs * PeriodPs);
    }

    /// <summary>The cycle that contains <paramref name="tick"/>.</summary>
    public long CycleAt(long tick) => tick < PhasePs ? -1 : (tick - PhasePs) / PeriodPs;

    public long CyclesToTicks(long cycles) => checked(cycles * PeriodPs);

    /// <summary>Whole cycles needed to cover <paramref name="ticks"/> (rounded up).</summary>
    public long TicksToCycles(long ticks)
    {
        if (ticks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ticks), ticks, "ticks cannot be negative");
        }

        return (ticks + PeriodPs - 1) / PeriodPs;
    }

    /// <summary>Registers a block; an awake block is ticked from the next edge.</summary>
    public ClockedHandle Register(IClocked block, bool awake = true)
    {
        ArgumentNullException.ThrowIfNull(block);
        var handle = new ClockedHandle(this, block, _handleCount);
        if (_handleCount == _handles.Length)
        {
            Array.Resize(ref _handles, _handleCount * 2);
        }

        _handles[_handleCount++] = handle;
        _anyTwoPhase |= block is ITwoPhaseClocked;
        if (awake)
        {
            Wake(handle);
        }

        return handle;
    }

    public override string ToString() => $"ClockDomain '{Name}' ({PeriodPs} ps)";

    internal void Wake(ClockedHandle handle)
    {
        handle.SleepRequested = false;
        if (handle.Active || handle.PendingWake)
        {
            return;
        }

        handle.PendingWake = true;
        Append(ref _pending, ref _pendingCount, handle);
        EnsureScheduled();
    }

    internal void Sleep(ClockedHandle handle)
    {
        if (handle.PendingWake)
        {
            handle.PendingWake = false;
            Remove(ref _pending, ref _pendingCount, handle);
        }

        if (handle.Active)
        {
            if (_dispatching)
            {
                // Mid-cycle: the block finishes this cycle (two-phase commit included), then sleeps.
                handle.SleepRequested = true;
            }
            else
            {
                handle.Active = false;
                Remove(ref _active, ref _activeCount, handle);
            }
        }

        if (!_dispatching && _scheduled && _activeCount == 0 && _pendingCount == 0)
        {
            // Nothing left to tick: leave the queue now (the pending entry goes stale) so that an
            // idle domain does not hold simulated time open until its next edge.
            ScheduledSequence = -1;
            _scheduled = false;
        }
    }

    internal override void Dispatch()
    {
        _dispatching = true;
        try
        {
            TickAwakeBlocks();
        }
        finally
        {
            _dispatching = false;
        }
    }

    private void TickAwakeBlocks()
    {
        _scheduled = false;
        _lastEdge = Simulation.Now;
        long cycle = CycleAt(Simulation.Now);
        MergePending();

        var active = _active;
        int n = _activeCount;
        for (int i = 0; i < n; i++)
        {
            var h = active[i];
            bool stay = h.Block.Tick(cycle);
            h.TickedCycles++;
            h.LastTickedCycle = cycle;
            if (!stay)
            {
                h.SleepRequested = true;
            }
        }

        if (_anyTwoPhase)
        {
            for (int i = 0; i < n; i++)
            {
                if (active[i].Block is ITwoPhaseClocked twoPhase)
                {
                    twoPhase.Commit(cycle);
                }
            }
        }

        if (n > 0)
        {
            ActiveEdges++;
        }

        // Drop the blocks that went to sleep, keeping registration order.
        int kept = 0;
        for (int i = 0; i < _activeCount; i++)
        {
            var h = active[i];
            if (h.SleepRequested)
            {
                h.SleepRequested = false;
                h.Active = false;
            }
            else
            {
                active[kept++] = h;
            }
        }

        for (int i = kept; i < _activeCount; i++)
        {
            active[i] = null!;
        }

        _activeCount = kept;
        if (_activeCount > 0 || _pendingCount > 0)
        {
            EnsureScheduled();
        }
    }

    private void EnsureScheduled()
    {
        if (_scheduled)
        {
            return;
        }

        long now = Simulation.Now;
        long edge = NextEdge(now);
        if (edge == _lastEdge)
        {
            edge += PeriodPs;
        }

        _scheduled = true;
        Simulation.Schedule(this, edge - now, Priority.Normal);
    }

    private void MergePending()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        for (int i = 0; i < _pendingCount; i++)
        {
            var h = _pending[i];
            _pending[i] = null!;
            h.PendingWake = false;
            h.Active = true;
            h.SleepRequested = false;

            // Insert by registration index so tick order never depends on wake order.
            Append(ref _active, ref _activeCount, h);
            int j = _activeCount - 1;
            while (j > 0 && _active[j - 1].Index > h.Index)
            {
                _active[j] = _active[j - 1];
                j--;
            }

            _active[j] = h;
        }

        _pendingCount = 0;
    }

    private static void Append(ref ClockedHandle[] array, ref int count, ClockedHandle h)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, count * 2);
        }

        array[count++] = h;
    }

    private static void Remove(ref ClockedHandle[] array, ref int count, ClockedHandle h)
    {
        int i = Array.IndexOf(array, h, 0, count);
        if (i >= 0)
        {
            Array.Copy(array, i + 1, array, i, count - i - 1);
            array[--count] = null!;
        }
    }
}
