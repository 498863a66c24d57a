using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Engram.Components.Ledger;

/// <summary>
/// Every action of every block goes through here (docs/architecture.md): who did what, how many times, at
/// what energy, when and for how long. Reports are folds over it. Per (component, action) aggregates are
/// kept incrementally so long runs need not store entries; entries are kept only when a trace wants them.
/// Charging allocates nothing once the interned ids and aggregate slots exist.
/// </summary>
public sealed class EnergyLedger
{
    public const string LeakageAction = "leakage";

    private readonly List<string> _components = [];
    private readonly Dictionary<string, int> _componentIds = new(StringComparer.Ordinal);
    private readonly List<string> _actions = [];
    private readonly Dictionary<string, int> _actionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _slotOf = [];
    private Aggregate[] _aggregates = new Aggregate[64];
    private int _aggregateCount;
    private LedgerEntry[] _entries;
    private int _entryCount;
    private readonly List<(int Component, double LeakageW)> _static = [];
    private double _totalJ;
    private double _totalCompensation;
    private long _closedAtTick = -1;

    // Kept as declarations arrive (a recall reads it on every call): the same sum, in the same order, as over _static.
    private double _staticPowerW;

    /// <param name="keepEntries">Keep entries (for traces); aggregates are kept either way.</param>
    /// <param name="maxEntries">Keep at most this many entries (the earliest); later ones are only counted, so traces stay openable.</param>
    public EnergyLedger(bool keepEntries = false, int maxEntries = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        KeepEntries = keepEntries;
        MaxEntries = maxEntries;
        _entries = keepEntries ? new LedgerEntry[Math.Min(1024, Math.Max(maxEntries, 1))] : [];
    }

    public bool KeepEntries { get; }

    public int MaxEntries { get; }

    /// <summary>Entries not kept because the trace cap was reached (their energy is in the aggregates).</summary>
    public long DroppedEntries { get; private set; }

    /// <summary>Running total, summed with compensation as charges arrive (independently of the fold).</summary>
    public double TotalEnergyJ => _totalJ + _totalCompensation;

    public ReadOnlySpan<LedgerEntry> Entries => _entries.AsSpan(0, _entryCount);

    public bool IsClosed => _closedAtTick >= 0;

    public int Component(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!_componentIds.TryGetValue(path, out int id))
        {
            id = _components.Count;
            _components.Add(path);
            _componentIds.Add(path, id);
        }

        return id;
    }

    public int Action(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_actionIds.TryGetValue(name, out int id))
        {
            id = _actions.Count;
            _actions.Add(name);
            _actionIds.Add(name, id);
        }

        return id;
    }

    public string ComponentPath(int component) => _components[component];

    public string ActionName(int action) => _actions[action];

    public void Charge(int component, int action, long count, double energyJ, long startTick, long durationTicks)
    {
        LedgerSlot slot = default;
        Charge(ref slot, component, action, count, energyJ, startTick, durationTicks);
    }

    /// <summary>
    /// <see cref="Charge(int, int, long, double, long, long)"/> through <paramref name="slot"/>, the pair's aggregate
    /// that the caller keeps: taken here at the pair's first charge (when it is none), then used without looking the
    /// pair up again. A block that charges the same pair on every read keeps one per pair. The same checks,
    /// aggregates, running total and entries as the plain charge.
    /// </summary>
    public void Charge(ref LedgerSlot slot, int component, int action, long count, double energyJ, long startTick, long durationTicks)
    {
        Check(component, action, count, energyJ, startTick, durationTicks);
        Add(ref KeptAggregate(ref slot, component, action), component, action, count, energyJ, startTick, durationTicks);
    }

    // The throws are out of line: inlined, their message builders made every charging loop clear a stack frame per charge.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Check(int component, int action, long count, double energyJ, long startTick, long durationTicks)
    {
        if (IsClosed)
        {
            ThrowClosed();
        }

        if (count < 0 || !(energyJ >= 0) || double.IsInfinity(energyJ) || durationTicks < 0 || startTick < 0)
        {
            ThrowBadCharge(component, action, count, energyJ, startTick, durationTicks);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowClosed() =>
        throw new InvalidOperationException("the ledger is closed; leakage has been integrated up to its end");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadCharge(int component, int action, long count, double energyJ, long startTick, long durationTicks) =>
        throw new ArgumentOutOfRangeException(nameof(energyJ), $"bad charge for {_components[component]}.{_actions[action]}: count {count}, energy {energyJ} J, start {startTick}, duration {durationTicks}");

    private void Add(ref Aggregate aggregate, int component, int action, long count, double energyJ, long startTick, long durationTicks)
    {
        aggregate.Count += count;
        aggregate.EnergyJ += energyJ;
        aggregate.BusyPs += durationTicks;
        AddToTotal(energyJ);

        if (KeepEntries)
        {
            if (_entryCount == MaxEntries)
            {
                DroppedEntries++;
                return;
            }

            if (_entryCount == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Min(_entries.Length * 2, MaxEntries));
            }

            _entries[_entryCount++] = new LedgerEntry(component, action, count, energyJ, startTick, durationTicks);
        }
    }

    /// <summary>
    /// Charges one action per entry of <paramref name="energiesJ"/>, in order, each starting at
    /// <paramref name="startTick"/> and lasting <paramref name="durationTicks"/>: the same aggregates, running total and
    /// entries, to the bit, as one <see cref="Charge"/> per entry, with one slot lookup for the run (a read's
    /// conversions on one array).
    /// </summary>
    public void ChargeEach(int component, int action, ReadOnlySpan<double> energiesJ, long startTick, long durationTicks)
    {
        LedgerSlot slot = default;
        ChargeEach(ref slot, component, action, energiesJ, startTick, durationTicks);
    }

    /// <summary><see cref="ChargeEach(int, int, ReadOnlySpan{double}, long, long)"/> through a kept slot (see <see cref="Charge(ref LedgerSlot, int, int, long, double, long, long)"/>).</summary>
    public void ChargeEach(ref LedgerSlot slot, int component, int action, ReadOnlySpan<double> energiesJ, long startTick, long durationTicks)
    {
        if (energiesJ.IsEmpty)
        {
            return;
        }

        // Every charge of the run is checked before any is added, as Charge checks before it adds (the same first
        // failure: the times fail the run's first charge).
        Check(component, action, 1, energiesJ[0], startTick, durationTicks);
        foreach (double e in energiesJ)
        {
            if (!(e >= 0) || double.IsInfinity(e))
            {
                ThrowBadCharge(component, action, 1, e, startTick, durationTicks);
            }
        }

        ref var aggregate = ref KeptAggregate(ref slot, component, action);
        if (KeepEntries)
        {
            foreach (double e in energiesJ)
            {
                Add(ref aggregate, component, action, 1, e, startTick, durationTicks);
            }

            return;
        }

        // AddToTotal on locals: the fields would carry every addition through a store and a load.
        double energyJ = aggregate.EnergyJ, totalJ = _totalJ, compensation = _totalCompensation;
        foreach (double e in energiesJ)
        {
            energyJ += e;
            (totalJ, compensation) = Compensated(totalJ, compensation, e);
        }

        aggregate.EnergyJ = energyJ;
        _totalJ = totalJ;
        _totalCompensation = compensation;
        aggregate.Count += energiesJ.Length;
        aggregate.BusyPs += durationTicks * energiesJ.Length;
    }

    /// <summary>Declares a component's static power; it is integrated over [0, end] when the ledger closes.</summary>
    public void AddStaticPower(int component, double leakageW)
    {
        if (!(leakageW >= 0) || double.IsInfinity(leakageW))
        {
            throw new ArgumentOutOfRangeException(nameof(leakageW), leakageW, "leakage must be a finite power >= 0 W");
        }

        _static.Add((component, leakageW));
        _staticPowerW += leakageW;
    }

    /// <summary>Integrates leakage of every component over the simulated time and forbids further charges.</summary>
    public void Close(long endTick)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("the ledger is already closed");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(endTick);
        int leakage = Action(LeakageAction);
        foreach (var (component, watts) in _static)
        {
            Charge(component, leakage, 1, watts * endTick * 1e-12, 0, endTick);
        }

        _closedAtTick = endTick;
    }

    /// <summary>Aggregates per component and action, ordered by component path then action name.</summary>
    public IReadOnlyList<LedgerRow> Breakdown()
    {
        var rows = new List<LedgerRow>(_aggregateCount);
        for (int i = 0; i < _aggregateCount; i++)
        {
            var a = _aggregates[i];
            rows.Add(new LedgerRow(_components[a.Component], _actions[a.Action], a.Count, a.EnergyJ, a.BusyPs));
        }

        rows.Sort(static (x, y) =>
        {
            int c = string.CompareOrdinal(x.ComponentPath, y.ComponentPath);
            return c != 0 ? c : string.CompareOrdinal(x.Action, y.Action);
        });
        return rows;
    }

    /// <summary>Energy per component kind (the last path segment: <c>L0/b1.2/adcs</c> → <c>adcs</c>), ordered by kind.</summary>
    public IReadOnlyDictionary<string, double> ByKind() =>
        Breakdown().GroupBy(r => KindOf(r.ComponentPath), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.EnergyJ), StringComparer.Ordinal);

    /// <summary>The kind of a component path: its last segment, which names what the component is.</summary>
    public static string KindOf(string componentPath)
    {
        int slash = componentPath.LastIndexOf('/');
        return slash < 0 ? componentPath : componentPath[(slash + 1)..];
    }

    /// <summary>Static power of every component declared so far (W), summed in declaration order; <see cref="Close"/> integrates it.</summary>
    public double StaticPowerW => _staticPowerW;

    // The aggregate of a kept slot, which must be the pair's (a slot of another pair or ledger would charge the wrong one).
    // A new slot's index is taken before the aggregates are indexed: taking it may grow (replace) the array.
    private ref Aggregate KeptAggregate(ref LedgerSlot slot, int component, int action)
    {
        if (slot.IsNone)
        {
            slot = new LedgerSlot(SlotIndex(component, action) + 1);
        }

        ref var aggregate = ref _aggregates[slot.Index];
        if (aggregate.Component != component || aggregate.Action != action)
        {
            ThrowForeignSlot(slot, component, action);
        }

        return ref aggregate;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowForeignSlot(LedgerSlot slot, int component, int action) =>
        throw new ArgumentException($"the kept slot (aggregate {slot.Index}) is not that of {_components[component]}.{_actions[action]}", nameof(slot));

    private static long Key(int component, int action) => ((long)component << 32) | (uint)action;

    private int SlotIndex(int component, int action)
    {
        long key = Key(component, action);
        if (!_slotOf.TryGetValue(key, out int slot))
        {
            if (_aggregateCount == _aggregates.Length)
            {
                Array.Resize(ref _aggregates, _aggregates.Length * 2);
            }

            slot = _aggregateCount++;
            _aggregates[slot] = new Aggregate { Component = component, Action = action };
            _slotOf.Add(key, slot);
        }

        return slot;
    }

    // Kahan–Babuška summation: the running total must agree with the fold to rounding, over millions of charges.
    private void AddToTotal(double value) => (_totalJ, _totalCompensation) = Compensated(_totalJ, _totalCompensation, value);

    // One step of it, on values (a run of charges keeps the sum and compensation in locals, hence registers).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Sum, double Compensation) Compensated(double sum, double compensation, double value)
    {
        double t = sum + value;
        return (t, compensation + (Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum));
    }

    private struct Aggregate
    {
        public int Component;
        public int Action;
        public long Count;
        public double EnergyJ;
        public long BusyPs;
    }
}

/// <summary>
/// One (component, action) aggregate of an <see cref="EnergyLedger"/>, kept by a block that charges the pair often; the
/// default is none (not yet taken): the ledger takes it at the pair's first charge through it.
/// </summary>
public readonly record struct LedgerSlot
{
    // Index + 1, so that default(LedgerSlot) is "none".
    private readonly int _indexPlusOne;

    internal LedgerSlot(int indexPlusOne) => _indexPlusOne = indexPlusOne;

    public bool IsNone => _indexPlusOne == 0;

    internal int Index => _indexPlusOne - 1;
}
