using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engram.Sim.Monitoring;
using Engram.Sim.Queues;
using Engram.Sim.Random;
using Engram.Sim.Tracing;

namespace Engram.Sim.Core;

/// <summary>
/// The discrete-event kernel. Time is a <c>long</c> count of picoseconds. Events are dispatched in
/// (tick, priority, sequence) order, where the sequence is a global counter assigned at scheduling,
/// so equal keys run first-scheduled-first at any queue size. Single-threaded and deterministic:
/// the same model and seed dispatch the same sequence, checked by <see cref="DispatchHash"/>.
/// </summary>
public sealed class Simulation
{
    // Exactly one of the two is set; both are called directly, with no interface dispatch.
    private readonly TimingWheel? _wheel;
    private readonly QuaternaryHeap? _heap;
    private readonly RunQueue _run;
    private readonly SlotTable _slots;
    private readonly long[] _dispatchedByKind = new long[SimTraceKinds.Count];
    private long _now;
    private long _nextSequence;
    private long _nextId;
    private long _waiterTokens;
    private long _processedEvents;
    private int _queueHighWater;
    private ulong _hash = DispatchHashing.Seed;
    private bool _stop;

    // The running process, kept as its slot (a resident process keeps it while alive) so that entering
    // a process stores an int, not a reference (no GC write barrier per resume).
    private int _activeSlot = -1;
    private Process? _activeFallback;

    // A lower bound on the tick of the queue's first entry (long.MaxValue: known empty). Pushes lower it;
    // pops can only raise the true first tick, so the bound stays valid without being touched. Stop() and
    // setting a trace sink drop it to long.MinValue (TryTake then recomputes it), which tells the signal
    // fan-out loop to leave.
    private long _queueTopHint = long.MaxValue;
    private ISimTraceSink? _trace;

    // The last tick the run in progress dispatches (long.MinValue outside one): see TryResumeAloneAfter.
    private long _aloneUntil = long.MinValue;
    private readonly bool _resumeLoneDelays;

    /// <summary>Delays resumed at once (<see cref="SimulationOptions.ResumeLoneDelays"/>), among the dispatches counted: the tests' evidence that the path is taken.</summary>
    internal long LoneResumes { get; private set; }

    public Simulation(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        if (Options.ExpectedPending < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.ExpectedPending, "ExpectedPending must be positive");
        }

        _run = new RunQueue(Options.ExpectedPending);
        _slots = new SlotTable(Options.ExpectedPending);
        switch (Options.Queue)
        {
            case EventQueueKind.Heap:
                _heap = new QuaternaryHeap(Options.ExpectedPending);
                break;
            case EventQueueKind.Wheel:
                _wheel = new TimingWheel(Options.WheelBucketShift, Options.WheelBucketsLog2, Options.ExpectedPending);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), Options.Queue, "unknown event queue kind");
        }
        _resumeLoneDelays = Options.ResumeLoneDelays;
        Random = new RandomStreams(Options.Seed);
        ComponentTrace = new ComponentTraceFilter();
    }

    public Simulation(ulong seed)
        : this(new SimulationOptions { Seed = seed })
    {
    }

    public SimulationOptions Options { get; }

    /// <summary>The current time in picoseconds.</summary>
    public long Now => _now;

    /// <summary>The process whose body is running, or null between dispatches.</summary>
    public Process? ActiveProcess => _activeSlot >= 0 ? (Process?)_slots.Get(_activeSlot) : _activeFallback;

    /// <summary>Dispatches so far (events processed, processes resumed, clock edges).</summary>
    public long ProcessedEvents => _processedEvents;

    /// <summary>A running hash of every dispatched (tick, sequence, id): equal hashes, equal runs.</summary>
    public ulong DispatchHash => _hash;

    /// <summary>The largest number of entries pending at once.</summary>
    public int QueueHighWater => _queueHighWater;

    public int PendingCount => QueueCount + _run.Count;

    public RandomStreams Random { get; }

    /// <summary>Category filter for component traces: test it before formatting anything.</summary>
    public ComponentTraceFilter ComponentTrace { get; }

    /// <summary>Dispatches so far of one kind.</summary>
    public long DispatchedCount(SimTraceKind kind) => _dispatchedByKind[(int)kind];

    /// <summary>Receives schedule, dispatch and resume records; null (the default) costs one check.</summary>
    public ISimTraceSink? TraceSink
    {
        get => _trace;
        set
        {
            _trace = value;

            // As in Stop: the signal fan-out loop, which runs without a sink, leaves at its next check.
            _queueTopHint = long.MinValue;
        }
    }

    /// <summary>A wait of <paramref name="ticks"/> picoseconds; allocates nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Wait Timeout(long ticks, int priority = Priority.Normal)
    {
        if (ticks < 0)
        {
            ThrowNegativeDelay(ticks);
        }

        return Wait.Delay(ticks, priority);
    }

    /// <summary>An event that succeeds with <paramref name="value"/> after <paramref name="ticks"/>, for AllOf/AnyOf.</summary>
    public Event TimeoutEvent(long ticks, object? value = null, int priority = Priority.Normal)
    {
        if (ticks < 0)
        {
            ThrowNegativeDelay(ticks);
        }

        var e = new Event(this);
        e.Trigger(value, null);
        Schedule(e, ticks, priority);
        return e;
    }

    /// <summary>A new pending event, triggered later by <see cref="Event.Succeed"/> or <see cref="Event.Fail"/>.</summary>
    public Event Event() => new(this);

    /// <summary>Starts a process at the current tick, after what is already scheduled for it.</summary>
    public Process Process(IEnumerable<Wait> body, string? name = null)
    {
        var p = new Process(this, body, name);
        p.Start();
        return p;
    }

    public Condition AllOf(params Event[] events) => Condition.AllOf(this, (Event[])events.Clone());

    public Condition AllOf(IEnumerable<Event> events) => Condition.AllOf(this, events.ToArray());

    public Condition AnyOf(params Event[] events) => Condition.AnyOf(this, (Event[])events.Clone());

    public Condition AnyOf(IEnumerable<Event> events) => Condition.AnyOf(this, events.ToArray());

    /// <summary>Runs until nothing is left to dispatch or <see cref="Stop"/> is called.</summary>
    public void Run() => RunLoop(long.MaxValue);

    /// <summary>
    /// Dispatches every event whose tick is at most <paramref name="untilTick"/>, then sets
    /// <see cref="Now"/> to <paramref name="untilTick"/> (unless stopped earlier). Events scheduled
    /// exactly at <paramref name="untilTick"/> run; later ones stay pending for the next call.
    /// </summary>
    public void Run(long untilTick)
    {
        if (untilTick < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(untilTick), untilTick, $"cannot run back in time (now is {_now})");
        }

        RunLoop(untilTick);
        if (!_stop)
        {
            _now = untilTick;
        }
    }

    /// <summary>Runs until <paramref name="until"/> is processed and returns its value.</summary>
    public object? Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        if (!until.IsProcessed)
        {
            until.AddWaiter(new StopOnProcessed(this));
            RunLoop(long.MaxValue);
            if (!until.IsProcessed)
            {
                throw new InvalidOperationException($"the run ended at tick {_now} with nothing left to do before {until} was processed");
            }
        }

        return until.Value;
    }

    /// <summary>Dispatches exactly one event; false when nothing is pending.</summary>
    public bool Step()
    {
        _aloneUntil = long.MinValue;
        if (!TryTake(long.MaxValue, out long sequence, out int slot, out var target))
        {
            return false;
        }

        DispatchTaken(sequence, slot, target);
        return true;
    }

    /// <summary>The tick of the next dispatch, or <see cref="long.MaxValue"/> when nothing is pending.</summary>
    public long Peek()
    {
        while (_run.Count > 0)
        {
            if (IsLive(_run.HeadSlot, _run.HeadLiveKey))
            {
                return _now;
            }

            _run.Dequeue(out _, out _, out _);
        }

        while (QueueCount > 0)
        {
            ref readonly var top = ref QueuePeek();
            if (IsLive(top.Slot, top.Sequence))
            {
                return top.Tick;
            }

            QueuePop();
        }

        return long.MaxValue;
    }

    /// <summary>Ends the current Run after the dispatch in progress.</summary>
    public void Stop()
    {
        _stop = true;

        // Any value is a valid lower bound; this one also makes the signal fan-out loop, which checks
        // only the hint, stop at once.
        _queueTopHint = long.MinValue;
    }

    internal long NextId() => _nextId++;

    internal void EnterProcess(Process p)
    {
        int slot = p.Slot;
        if (slot >= 0)
        {
            _activeSlot = slot;
        }
        else
        {
            _activeFallback = p;
        }

        _trace?.OnResume(_now, p.Id);
    }

    /// <summary>Enters a process known to have a slot, with no trace sink set (the signal fan-out loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnterSlot(int slot) => _activeSlot = slot;

    /// <summary>Leaves a process entered by <see cref="EnterSlot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void LeaveSlot() => _activeSlot = -1;

    internal void LeaveProcess()
    {
        _activeSlot = -1;
        if (_activeFallback is not null)
        {
            _activeFallback = null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Schedule(Schedulable target, long delay, int priority)
    {
        CheckDelay(delay, priority);
        long sequence = _nextSequence++;
        target.ScheduledSequence = sequence;
        int slot = target.Slot;
        if (slot < 0)
        {
            slot = target.Slot = _slots.Acquire(target);
        }

        if (delay == 0 && priority == Priority.Normal)
        {
            _run.Enqueue(sequence, slot);
        }
        else
        {
            QueuePush(new QueueEntry(checked(_now + delay), QueueEntry.MakeKey(priority, sequence), slot));
        }

        int pending = QueueCount + _run.Count;
        if (pending > _queueHighWater)
        {
            _queueHighWater = pending;
        }

        _trace?.OnSchedule(_now + delay, sequence, target.Kind, target.Id);
    }

    /// <summary>A fresh signal waiter token: negative, below -1, never a sequence and never reused.</summary>
    internal long NextWaiterToken() => -2 - _waiterTokens++;

    /// <summary>
    /// Wakes a fired signal's waiters in order: <paramref name="slots"/> holds each waiter's process slot,
    /// or -1 for the next of <paramref name="others"/> (clocked blocks). Each stretch of processes joins
    /// the run queue as one run with the next sequence numbers, live for the processes that still hold
    /// <paramref name="token"/>: the same sequences, order and high-water mark as scheduling each in turn.
    /// Others wake through their own code. With a trace sink every waiter takes the ordinary path, so
    /// <c>OnSchedule</c> records are unchanged.
    /// </summary>
    internal void WakeWaiters(ReadOnlySpan<int> slots, ReadOnlySpan<IWakeable> others, long token)
    {
        if (_trace is not null)
        {
            var items = _slots.Items;
            int o = 0;
            foreach (int slot in slots)
            {
                var w = slot >= 0 ? (IWakeable)(Process)items[slot]! : others[o++];
                w.Wake();
                items = _slots.Items;
            }

            return;
        }

        if (others.IsEmpty)
        {
            _run.EnqueueRun(_nextSequence, slots, token);
            _nextSequence += slots.Length;
        }
        else
        {
            int o = 0;
            while (!slots.IsEmpty)
            {
                int n = slots.IndexOf(-1);
                if (n < 0)
                {
                    n = slots.Length;
                }

                if (n > 0)
                {
                    _run.EnqueueRun(_nextSequence, slots[..n], token);
                    _nextSequence += n;
                }

                if (n < slots.Length)
                {
                    others[o++].Wake();
                    n++;
                }

                slots = slots[n..];
            }
        }

        int pending = QueueCount + _run.Count;
        if (pending > _queueHighWater)
        {
            _queueHighWater = pending;
        }
    }

    private void RunLoop(long untilTick)
    {
        _stop = false;
        _aloneUntil = untilTick;
        while (!_stop)
        {
            if (_run.Count > 0 && _queueTopHint > _now)
            {
                DrainRunQueue();
                continue;
            }

            if (!TryTake(untilTick, out long sequence, out int slot, out var target))
            {
                break;
            }

            DispatchTaken(sequence, slot, target);
        }

        // Outside a run a delay always goes through the queue (Step resets it too, in case a run ended in an exception:
        // a try block here would keep the loop's locals out of registers).
        _aloneUntil = long.MinValue;
    }

    /// <summary>
    /// A delay of the running process when nothing else is pending: the queue would hand the process straight back,
    /// so its dispatch is taken here (the sequence number, tick, counters and hash of the schedule and dispatch it
    /// replaces) and the process goes on at once; false when anything is pending, a trace sink is
    /// set, the run is stopping or would end first (then the delay is scheduled as usual). A chip's recall is one
    /// process whose every wait is such a delay, and the round trip through the wheel was about a tenth of it.
    /// </summary>
    /// <remarks>
    /// Only with <see cref="SimulationOptions.ResumeLoneDelays"/>. Only the option and queue tests are inlined into
    /// the process's loop; the rest is out of line, where it does not crowd the loop.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryResumeAloneAfter(Process process, long delay, int priority) =>
        _resumeLoneDelays && QueueCount == 0 && _run.Count == 0 && TryResumeAloneAfterSlow(process, delay, priority);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryResumeAloneAfterSlow(Process process, long delay, int priority)
    {
        if (_trace is not null || _stop || process.Slot < 0)
        {
            return false;
        }

        CheckDelay(delay, priority);
        long tick = checked(_now + delay);
        if (tick > _aloneUntil)
        {
            return false;
        }

        // The high-water mark needs nothing: the entry would be the only one pending, and the process got to run
        // through an entry of its own (or of an event it waited on), so the mark is already at least 1.
        long sequence = _nextSequence++;
        process.ScheduledSequence = sequence;
        _now = tick;
        CountDispatch(sequence, process.Id, SimTraceKind.ProcessResume);
        LoneResumes++;
        return true;
    }

    /// <summary>
    /// Dispatches run-queue entries in order while nothing in the queue can be due at this tick (the
    /// hint says so), without looking at the queue: the loop a signal's fan-out spends its time in.
    /// </summary>
    private void DrainRunQueue()
    {
        var run = _run;
        do
        {
            if (run.HeadRunToken != RunQueue.OwnSequence && _trace is null)
            {
                DrainSignalRun();
                continue;
            }

            run.Dequeue(out long sequence, out int slot, out long liveKey);
            var t = _slots.Get(slot);
            if (t is null || t.ScheduledSequence != liveKey)
            {
                continue;
            }

            t.ScheduledSequence = sequence;
            DispatchTaken(sequence, slot, t);
        }
        while (!_stop && run.Count > 0 && _queueTopHint > _now);
    }

    /// <summary>
    /// Resumes the processes of the run queue's head run, a fired signal's, in order, for as long as
    /// <see cref="DrainRunQueue"/> would go on: every entry is a process waiter (live while it holds the
    /// run's token), so each costs the token check, the counters and hash of an ordinary dispatch, and
    /// the resume itself, with no type test, trace hook or slot release to look at.
    /// </summary>
    private void DrainSignalRun()
    {
        var run = _run;
        long token = run.HeadRunToken;
        try
        {
            while (true)
            {
                bool last = run.DequeueFromSignalRun(out long sequence, out int slot);
                var t = _slots.GetUnchecked(slot);
                if (t is not null && t.ScheduledSequence == token)
                {
                    // Only a process waiting on the signal holds its token (Signal.AddWaiter).
                    t.ScheduledSequence = sequence;
                    CountDispatch(sequence, t.Id, SimTraceKind.ProcessResume);
                    Unsafe.As<Process>(t).ResumeFromSignal(this, slot);
                }

                // Stop() and a new trace sink lower the hint too, so this one check covers them.
                if (last || _queueTopHint <= _now)
                {
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            // The resume has no try block of its own (it inlines here); wrap as Process.RunBody does.
            var p = ActiveProcess;
            LeaveProcess();
            if (p is null || ex is SimulationException)
            {
                throw;
            }

            throw p.FailedAfterSignal(ex);
        }
    }

    // One dispatch at the current tick, in the counters and the hash: the queue's, a signal run's and a lone delay's alike.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountDispatch(long sequence, long id, SimTraceKind kind)
    {
        _processedEvents++;
        _hash = DispatchHashing.Mix(_hash, _now, sequence, id);
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_dispatchedByKind), (int)kind)++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DispatchTaken(long sequence, int slot, Schedulable target)
    {
        var kind = target.Kind;
        CountDispatch(sequence, target.Id, kind);
        _trace?.OnDispatch(_now, sequence, kind, target.Id);
        if (target.GetType() == typeof(Process))
        {
            // The common case, called directly rather than through the virtual Dispatch.
            Unsafe.As<Process>(target).DispatchProcess();
        }
        else
        {
            target.Dispatch();
        }
        if (target.ScheduledSequence == sequence && !target.Resident)
        {
            _slots.Release(slot);
            target.Slot = -1;
        }
    }

    /// <summary>Takes the next live entry with tick at most <paramref name="untilTick"/> and advances time to it.</summary>
    private bool TryTake(long untilTick, out long sequence, out int slot, out Schedulable target)
    {
        while (true)
        {
            long tick;
            long liveKey;
            if (_run.Count > 0)
            {
                // The ring holds (now, Normal) entries; the queue may still hold earlier keys at this tick.
                // _queueTopHint is a lower bound on the queue's first tick, so it is read only when the
                // queue might hold something at this tick.
                if (_queueTopHint <= _now)
                {
                    if (QueueCount > 0)
                    {
                        ref readonly var top = ref QueuePeek();
                        if (top.Tick == _now && top.Key < QueueEntry.MakeKey(Priority.Normal, _run.HeadSequence))
                        {
                            var entry = QueuePop();
                            sequence = entry.Sequence;
                            slot = entry.Slot;
                            tick = entry.Tick;
                            liveKey = sequence;
                            goto Check;
                        }

                        _queueTopHint = top.Tick;
                    }
                    else
                    {
                        _queueTopHint = long.MaxValue;
                    }
                }

                _run.Dequeue(out sequence, out slot, out liveKey);
                tick = _now;
            }
            else if (QueueCount > 0)
            {
                ref readonly var top = ref QueuePeek();
                if (top.Tick > untilTick)
                {
                    sequence = 0;
                    slot = -1;
                    target = null!;
                    return false;
                }

                var entry = QueuePop();
                sequence = entry.Sequence;
                slot = entry.Slot;
                tick = entry.Tick;
                liveKey = sequence;
            }
            else
            {
                sequence = 0;
                slot = -1;
                target = null!;
                return false;
            }

        Check:
            var t = _slots.Get(slot);
            if (t is not null && t.ScheduledSequence == liveKey)
            {
                // A signal's entry is told live by the waiter token; from here on it is an ordinary dispatch.
                t.ScheduledSequence = sequence;
                _now = tick;
                target = t;
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsLive(int slot, long sequence)
    {
        var target = _slots.Get(slot);
        return target is not null && target.ScheduledSequence == sequence;
    }

    private int QueueCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _wheel is not null ? _wheel.Count : _heap!.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly QueueEntry QueuePeek()
    {
        if (_wheel is not null)
        {
            return ref _wheel.Peek();
        }

        return ref _heap!.Peek();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private QueueEntry QueuePop() => _wheel is not null ? _wheel.Pop() : _heap!.Pop();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void QueuePush(in QueueEntry entry)
    {
        if (entry.Tick < _queueTopHint)
        {
            _queueTopHint = entry.Tick;
        }

        if (_wheel is not null)
        {
            _wheel.Push(entry);
        }
        else
        {
            _heap!.Push(entry);
        }
    }

    // What every scheduled delay must be: the same checks whether it goes through the queue or resumes at once.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckDelay(long delay, int priority)
    {
        if (delay < 0)
        {
            ThrowNegativeDelay(delay);
        }

        if ((uint)(priority - QueueEntry.MinPriority) > QueueEntry.MaxPriority - QueueEntry.MinPriority)
        {
            ThrowBadPriority(priority);
        }
    }

    private static void ThrowNegativeDelay(long ticks) =>
        throw new ArgumentOutOfRangeException(nameof(ticks), ticks, "a delay cannot be negative");

    private static void ThrowBadPriority(int priority) =>
        throw new ArgumentOutOfRangeException(nameof(priority), priority, $"priority must be in [{QueueEntry.MinPriority}, {QueueEntry.MaxPriority}]");

    private sealed class StopOnProcessed(Simulation simulation) : IEventWaiter
    {
        public void OnEventProcessed(Event e) => simulation.Stop();
    }
}
