using Engram.Sim.Tracing;

namespace Engram.Sim.Core;

/// <summary>
/// Something that happens once: pending, then triggered (<see cref="Succeed"/> or <see cref="Fail"/>
/// puts it on the queue), then processed (its waiters run, in the order they started waiting).
/// A failed event must be looked at (<see cref="IsOk"/>, <see cref="Value"/> or
/// <see cref="Exception"/>) by whoever it woke; a failure nobody looks at stops the run.
/// </summary>
public class Event : Schedulable
{
    private const byte Pending = 0;
    private const byte Triggered = 1;
    private const byte Processed = 2;

    private byte _state;
    private bool _defused;
    private object? _value;
    private Exception? _exception;

    // Almost every event has exactly one waiter: keep it inline and spill the rest.
    private IEventWaiter? _firstWaiter;
    private IEventWaiter[]? _moreWaiters;
    private int _moreCount;

    public Event(Simulation simulation)
        : base(simulation, SimTraceKind.Event, resident: false)
    {
    }

    private protected Event(Simulation simulation, SimTraceKind kind, bool resident)
        : base(simulation, kind, resident)
    {
    }

    public bool IsTriggered => _state >= Triggered;

    public bool IsProcessed => _state == Processed;

    /// <summary>True when triggered without failure. Reading it counts as looking at a failure.</summary>
    public bool IsOk
    {
        get
        {
            _defused = true;
            return _state >= Triggered && _exception is null;
        }
    }

    /// <summary>The value it succeeded with; throws if pending, or if it failed.</summary>
    public object? Value
    {
        get
        {
            if (_state == Pending)
            {
                throw new InvalidOperationException($"event {Id} has no value yet: it has not been triggered");
            }

            _defused = true;
            if (_exception is not null)
            {
                throw new EventFailedException(_exception);
            }

            return _value;
        }
    }

    /// <summary>The failure, or null. Reading it counts as looking at a failure.</summary>
    public Exception? Exception
    {
        get
        {
            _defused = true;
            return _exception;
        }
    }

    internal bool FailedUnobserved => _exception is not null && !_defused;

    internal bool OkInternal => _exception is null;

    internal Exception? ExceptionInternal => _exception;

    internal bool HasWaiters => _firstWaiter is not null;

    /// <summary>Triggers the event now; its waiters run when it is dispatched at this tick.</summary>
    public Event Succeed(object? value = null, int priority = Priority.Normal)
    {
        Trigger(value, null);
        Simulation.Schedule(this, 0, priority);
        return this;
    }

    public Event Fail(Exception exception, int priority = Priority.Normal)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Trigger(null, exception);
        Simulation.Schedule(this, 0, priority);
        return this;
    }

    /// <summary>Runs <paramref name="callback"/> when the event is processed (allocates; not for hot paths).</summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (IsProcessed)
        {
            throw new InvalidOperationException($"event {Id} was already processed");
        }

        AddWaiter(new CallbackWaiter(callback));
    }

    public static Condition operator &(Event left, Event right) => Condition.AllOf(left.Simulation, [left, right]);

    public static Condition operator |(Event left, Event right) => Condition.AnyOf(left.Simulation, [left, right]);

    public override string ToString() => $"{GetType().Name}#{Id}";

    internal void Trigger(object? value, Exception? exception)
    {
        if (_state != Pending)
        {
            throw new InvalidOperationException($"{this} has already been triggered");
        }

        _state = Triggered;
        _value = value;
        _exception = exception;
    }

    internal void MarkObserved() => _defused = true;

    internal void AddWaiter(IEventWaiter waiter)
    {
        if (_firstWaiter is null)
        {
            _firstWaiter = waiter;
            return;
        }

        _moreWaiters ??= new IEventWaiter[2];
        if (_moreCount == _moreWaiters.Length)
        {
            Array.Resize(ref _moreWaiters, _moreCount * 2);
        }

        _moreWaiters[_moreCount++] = waiter;
    }

    internal bool RemoveWaiter(IEventWaiter waiter)
    {
        if (ReferenceEquals(_firstWaiter, waiter))
        {
            if (_moreCount == 0)
            {
                _firstWaiter = null;
            }
            else
            {
                _firstWaiter = _moreWaiters![0];
                Array.Copy(_moreWaiters, 1, _moreWaiters, 0, --_moreCount);
                _moreWaiters[_moreCount] = null!;
            }

            return true;
        }

        for (int i = 0; i < _moreCount; i++)
        {
            if (ReferenceEquals(_moreWaiters![i], waiter))
            {
                Array.Copy(_moreWaiters, i + 1, _moreWaiters, i, _moreCount - i - 1);
                _moreWaiters[--_moreCount] = null!;
                return true;
            }
        }

        return false;
    }

    internal override void Dispatch()
    {
        _state = Processed;
        var first = _firstWaiter;
        if (first is null)
        {
            if (FailedUnobserved)
            {
                throw new SimulationException($"{this} failed and nothing waited on it: {_exception!.Message}", Simulation.Now, null, _exception);
            }

            return;
        }

        _firstWaiter = null;
        int more = _moreCount;
        var rest = _moreWaiters;
        _moreCount = 0;
        _moreWaiters = null;
        first.OnEventProcessed(this);
        for (int i = 0; i < more; i++)
        {
            rest![i].OnEventProcessed(this);
        }
    }

    private sealed class CallbackWaiter(Action<Event> callback) : IEventWaiter
    {
        public void OnEventProcessed(Event e)
        {
            try
            {
                callback(e);
            }
            catch (Exception ex) when (ex is not SimulationException)
            {
                throw new SimulationException($"a callback of {e} threw: {ex.Message}", e.Simulation.Now, null, ex);
            }
        }
    }
}
