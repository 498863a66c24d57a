namespace Engram.Sim.Core;

/// <summary>Something that is told, in order, when an event it waits on is processed.</summary>
internal interface IEventWaiter
{
    void OnEventProcessed(Event e);
}

/// <summary>Something a signal can wake (a process or a sleeping clocked component).</summary>
internal interface IWakeable
{
    void Wake();
}
