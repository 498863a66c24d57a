using System.Runtime.CompilerServices;
using Engram.Sim.Resources;
using Engram.Sim.Tracing;

namespace Engram.Sim.Core;

/// <summary>
/// A coroutine: an iterator that yields <see cref="Wait"/>s. The kernel resumes it when the wait
/// completes. A process is itself an event that succeeds with <see cref="ReturnValue"/> when the
/// iterator ends, so other processes can wait on it.
/// </summary>
/// <remarks>
/// Interrupts: <see cref="Interrupt"/> takes the process off whatever it waits on and resumes it at
/// the current tick, ahead of ordinary work; inside the body, <see cref="IsInterrupted"/> and
/// <see cref="InterruptCause"/> say why it woke. There is no rule to call anything after each yield.
/// </remarks>
public sealed class Process : Event, IEventWaiter, IWakeable
{
    private static readonly System.Reflection.MethodInfo CurrentGetter =
        typeof(IEnumerator<Wait>).GetProperty(nameof(IEnumerator<Wait>.Current))!.GetMethod!;

    private readonly IEnumerator<Wait> _body;

    // The body's MoveNext and Current as delegates: a resume then makes two direct delegate calls instead of
    // two interface calls, which go through a resolve stub once several iterator types share the call site.
    // Binding Current goes through reflection and costs about a microsecond, as much as a few hundred
    // interface calls, so a process binds them only once it has resumed that often through the general loop
    // (a chip's recall is one short process per call; a clocked component resumes for the whole run).
    private Func<bool>? _moveNext;
    private Func<Wait>? _current;
    private int _resumesBeforeBinding = ResumesBeforeBinding;
    private const int ResumesBeforeBinding = 64;
    private WaitKind _waitKind;
    private object? _waitTarget;
    private long _waitArgument;
    private bool _alive = true;
    private bool _interruptPending;
    private bool _interrupted;
    private object? _interruptCause;
    private Event? _resumedFrom;

    internal Process(Simulation simulation, IEnumerable<Wait> body, string? name)
        : base(simulation, SimTraceKind.ProcessResume, resident: true)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body.GetEnumerator();
        Name = name ?? $"process#{Id}";
    }

    public string Name { get; }

    public bool IsAlive => _alive;

    /// <summary>True from the resume caused by <see cref="Interrupt"/> until the process yields again.</summary>
    public bool IsInterrupted => _interrupted;

    /// <summary>The cause given to <see cref="Interrupt"/>, while <see cref="IsInterrupted"/> holds.</summary>
    public object? InterruptCause => _interrupted ? _interruptCause : null;

    /// <summary>The value this process's event succeeds with when its body ends.</summary>
    public object? ReturnValue { get; set; }

    /// <summary>Resumes the process now (urgent priority), off whatever it is waiting on.</summary>
    public void Interrupt(object? cause = null)
    {
        if (!_alive)
        {
            throw new InvalidOperationException($"process '{Name}' has ended and cannot be interrupted");
        }

        if (ReferenceEquals(Simulation.ActiveProcess, this))
        {
            throw new InvalidOperationException($"process '{Name}' cannot interrupt itself");
        }

        if (_interruptPending)
        {
            throw new InvalidOperationException($"process '{Name}' already has an interrupt pending at tick {Simulation.Now}");
        }

        Detach();
        _interruptPending = true;
        _interruptCause = cause;
        Simulation.Schedule(this, 0, Priority.Urgent);
    }

    public override string ToString() => $"Process '{Name}'#{Id}";

    void IEventWaiter.OnEventProcessed(Event e) => Resume(e);

    void IWakeable.Wake()
    {
        _waitKind = WaitKind.None;
        Simulation.Schedule(this, 0, Priority.Normal);
    }

    /// <summary>Called by a resource when the request this process waits on is granted.</summary>
    internal void ResumeFromResource()
    {
        _waitKind = WaitKind.None;
        Simulation.Schedule(this, 0, Priority.Normal);
    }

    internal override void Dispatch() => DispatchProcess();

    /// <summary>The body of <see cref="Dispatch"/>, called directly by the run loop (Process is sealed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void DispatchProcess()
    {
        if (!_alive)
        {
            base.Dispatch();
            return;
        }

        if (_interruptPending)
        {
            _interruptPending = false;
            _interrupted = true;
        }

        Resume(null);
    }

    internal void Start() => Simulation.Schedule(this, 0, Priority.Normal);

    private void Detach()
    {
        switch (_waitKind)
        {
            case WaitKind.Event:
                ((Event)_waitTarget!).RemoveWaiter(this);
                break;
            case WaitKind.Signal:
                ((Signal)_waitTarget!).RemoveWaiter(this);
                break;
            case WaitKind.Resource:
                ((ResourceBase)_waitTarget!).Abandon(_waitArgument);
                break;
            default:
                // A delay or a pending start: the queue entry goes stale when we reschedule.
                break;
        }

        _waitKind = WaitKind.None;
        _waitTarget = null;
    }

    private void Resume(Event? from)
    {
        var sim = Simulation;
        sim.EnterProcess(this);
        _waitKind = WaitKind.None;

        // _waitTarget is only read under _waitKind, so it may keep the last target: a process that
        // waits on the same thing again then skips the reference store (and its write barrier).
        if (from is not null || _resumedFrom is not null)
        {
            _resumedFrom = from;
        }

        RunBody(sim);
    }

    /// <summary>
    /// Resumes a process woken by a signal's fan-out loop (<c>Simulation.DrainSignalRun</c>), which has
    /// checked what <see cref="DispatchProcess"/> and <see cref="Resume"/> would: a process that still holds
    /// a fired signal's token is alive, has no interrupt pending (an interrupt reschedules it, which takes
    /// the token away), was not interrupted (that flag is cleared at every yield), resumes from no event,
    /// waits on that signal (<see cref="_waitKind"/> and <see cref="_waitTarget"/> say so) and has
    /// <paramref name="slot"/>; the loop runs it only while no trace sink is set. The common next wait,
    /// the same signal again, is taken here; anything else continues in the general loop. No try block:
    /// the fan-out loop wraps an exception from the body as <see cref="RunBody"/> would, so this inlines
    /// into it.
    /// </summary>
    /// <remarks>
    /// <see cref="_waitKind"/> stays <see cref="WaitKind.Signal"/> while the body runs: only
    /// <see cref="Detach"/> reads it, from <see cref="Interrupt"/>, which refuses the running process.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ResumeFromSignal(Simulation sim, int slot)
    {
        System.Diagnostics.Debug.Assert(
            _alive && !_interruptPending && !_interrupted && _resumedFrom is null && Slot == slot && _waitKind == WaitKind.Signal,
            "a signal waiter in an unexpected state");
        sim.EnterSlot(slot);
        var body = _body;
        if (body.MoveNext())
        {
            var wait = body.Current;
            if (ReferenceEquals(wait.Target, _waitTarget))
            {
                Unsafe.As<Signal>(wait.Target!).AddWaiter(this, slot);
                sim.LeaveSlot();
                return;
            }

            ContinueAfterSignal(sim, wait);
            return;
        }

        EndAfterSignal(sim);
    }

    /// <summary>The process's end after a signal's resume, as <see cref="RunBody"/> ends it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EndAfterSignal(Simulation sim)
    {
        _waitKind = WaitKind.None;
        Finish();
        sim.LeaveProcess();
    }

    /// <summary>Takes a wait other than a signal, yielded during a signal's resume, through the general loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ContinueAfterSignal(Simulation sim, Wait wait)
    {
        _waitKind = WaitKind.None;
        var target = wait.Target;
        if (target is not null && target.GetType() == typeof(Signal))
        {
            var signal = Unsafe.As<Signal>(target);
            _waitKind = WaitKind.Signal;
            SetWaitTarget(signal);
            signal.AddWaiter(this);
            sim.LeaveProcess();
            return;
        }

        if (target is not null && target.GetType() == typeof(DelayMarker))
        {
            _waitKind = WaitKind.Delay;
            sim.Schedule(this, wait.Argument, Unsafe.As<DelayMarker>(target).Priority);
            sim.LeaveProcess();
            return;
        }

        if (WaitOnOther(target, wait.Argument))
        {
            RunBody(sim);
            return;
        }

        sim.LeaveProcess();
    }

    /// <summary>
    /// Wraps an exception thrown by the body during a signal's resume as <see cref="RunBody"/> does: the
    /// process ends and the run stops with the tick and the process name.
    /// </summary>
    internal SimulationException FailedAfterSignal(Exception ex)
    {
        MarkEnded();
        return new SimulationException(ex.Message, Simulation.Now, Name, ex);
    }

    // MoveNext through the interface, binding the delegates once the process has resumed often enough.
    private bool MoveNextUnbound()
    {
        bool more = _body.MoveNext();
        if (--_resumesBeforeBinding == 0)
        {
            Bind();
        }

        return more;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Bind()
    {
        _moveNext = _body.MoveNext;
        _current = (Func<Wait>)Delegate.CreateDelegate(typeof(Func<Wait>), _body, CurrentGetter);
    }

    /// <summary>Runs the body up to its next wait (or its end), after the caller has entered the process.</summary>
    private void RunBody(Simulation sim)
    {
        try
        {
            while (true)
            {
                if (!(_moveNext is { } moveNext ? moveNext() : MoveNextUnbound()))
                {
                    CheckFailureObserved();
                    Finish();
                    return;
                }

                CheckFailureObserved();
                _interrupted = false;
                _interruptCause = null;
                var wait = _current is { } current ? current() : _body.Current;
                var target = wait.Target;
                if (target is not null)
                {
                    // The kind follows from the target's exact type (both are sealed): one compare each.
                    if (target.GetType() == typeof(Signal))
                    {
                        var signal = Unsafe.As<Signal>(target);
                        _waitKind = WaitKind.Signal;
                        SetWaitTarget(signal);
                        signal.AddWaiter(this);
                        return;
                    }

                    if (target.GetType() == typeof(DelayMarker))
                    {
                        int priority = Unsafe.As<DelayMarker>(target).Priority;
                        if (!sim.TryResumeAloneAfter(this, wait.Argument, priority))
                        {
                            _waitKind = WaitKind.Delay;
                            sim.Schedule(this, wait.Argument, priority);
                            return;
                        }

                        // Nothing else was pending: this resume is the dispatch the queue would have made.
                        continue;
                    }
                }

                // Events and requests (and the error of a default Wait) out of line, which keeps this
                // loop's frame small.
                if (!WaitOnOther(target, wait.Argument))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not SimulationException)
        {
            MarkEnded();
            throw new SimulationException(ex.Message, sim.Now, Name, ex);
        }
        finally
        {
            sim.LeaveProcess();
        }
    }

    /// <summary>Starts waiting on an event or a request; true when it is already done (resume at once).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool WaitOnOther(object? target, long argument)
    {
        switch (target)
        {
            case Event e:
                if (e.IsProcessed)
                {
                    _resumedFrom = e;
                    return true;
                }

                if (ReferenceEquals(e, this))
                {
                    throw new InvalidOperationException("a process cannot wait on itself");
                }

                if (!ReferenceEquals(e.Simulation, Simulation))
                {
                    throw new InvalidOperationException($"{e} belongs to another simulation");
                }

                _waitKind = WaitKind.Event;
                SetWaitTarget(e);
                e.AddWaiter(this);
                return false;

            case ResourceBase resource:
                if (resource.AwaitGrant(argument, this))
                {
                    return true;
                }

                _waitKind = WaitKind.Resource;
                SetWaitTarget(resource);
                _waitArgument = argument;
                return false;

            default:
                throw new InvalidOperationException("the process yielded default(Wait); yield a timeout, event, signal or request");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetWaitTarget(object target)
    {
        if (!ReferenceEquals(_waitTarget, target))
        {
            _waitTarget = target;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckFailureObserved()
    {
        if (_resumedFrom is not null)
        {
            CheckFailureObservedSlow();
        }
    }

    private void CheckFailureObservedSlow()
    {
        var from = _resumedFrom!;
        _resumedFrom = null;
        if (from.FailedUnobserved)
        {
            throw new SimulationException(
                $"{from} failed ({from.ExceptionInternal!.Message}) and the process did not look at it (read IsOk, Value or Exception)",
                Simulation.Now,
                Name,
                from.ExceptionInternal);
        }
    }

    private void MarkEnded()
    {
        _alive = false;
        Kind = SimTraceKind.ProcessEnd;
        Resident = false;
    }

    private void Finish()
    {
        MarkEnded();
        _body.Dispose();
        Trigger(ReturnValue, null);
        Simulation.Schedule(this, 0, Priority.Normal);
    }
}
