namespace Engram.Sim.Queues;

/// <summary>
/// The future-event set: entries come out in (tick, priority, sequence) order. Implementations must
/// dispatch identical sequences for identical pushes; tests run every model on each of them.
/// </summary>
internal interface IEventQueue
{
    int Count { get; }

    void Push(in QueueEntry entry);

    /// <summary>The first entry; only valid when <see cref="Count"/> is positive.</summary>
    ref readonly QueueEntry Peek();

    QueueEntry Pop();
}
