namespace Engram.Sim.Core;

/// <summary>
/// AllOf / AnyOf: an event that succeeds when all (or any) of its events are processed, with the list
/// of processed events as its value. It fails with the first failure among them. Empty lists succeed
/// at once. Built with <see cref="Simulation.AllOf"/>, <see cref="Simulation.AnyOf"/>, <c>&amp;</c> or <c>|</c>.
/// </summary>
public sealed class Condition : Event, IEventWaiter
{
    private readonly Event[] _events;
    private readonly bool _all;
    private int _processed;

    private Condition(Simulation simulation, Event[] events, bool all)
        : base(simulation)
    {
        _events = events;
        _all = all;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (!ReferenceEquals(e.Simulation, simulation))
            {
                throw new ArgumentException($"{e} belongs to another simulation", nameof(events));
            }
        }

        foreach (var e in events)
        {
            if (e.IsProcessed)
            {
                Count(e);
            }
            else
            {
                e.AddWaiter(this);
            }
        }

        if (events.Length == 0)
        {
            Succeed(Array.Empty<Event>());
        }
    }

    public IReadOnlyList<Event> Events => _events;

    public bool RequiresAll => _all;

    internal static Condition AllOf(Simulation simulation, Event[] events) => new(simulation, events, all: true);

    internal static Condition AnyOf(Simulation simulation, Event[] events) => new(simulation, events, all: false);

    void IEventWaiter.OnEventProcessed(Event e) => Count(e);

    private void Count(Event e)
    {
        if (IsTriggered)
        {
            return;
        }

        if (!e.OkInternal)
        {
            e.MarkObserved();
            Fail(e.ExceptionInternal!);
            return;
        }

        _processed++;
        if (!_all || _processed == _events.Length)
        {
            Succeed(ProcessedEvents());
        }
    }

    private Event[] ProcessedEvents()
    {
        int n = 0;
        foreach (var e in _events)
        {
            if (e.IsProcessed)
            {
                n++;
            }
        }

        var done = new Event[n];
        n = 0;
        foreach (var e in _events)
        {
            if (e.IsProcessed)
            {
                done[n++] = e;
            }
        }

        return done;
    }
}
