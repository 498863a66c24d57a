using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A level of a continuous quantity between 0 and a capacity (charge, energy budget, credits).
/// Puts wait while they would overflow and gets while they would underflow, each in request order
/// (the head of a queue blocks those behind it).
/// </summary>
public sealed class Container
{
    private readonly Simulation _simulation;
    private readonly Queue<(Event Event, double Amount)> _puts = new();
    private readonly Queue<(Event Event, double Amount)> _gets = new();

    public Container(Simulation simulation, double capacity = double.PositiveInfinity, double initialLevel = 0, string? name = null)
    {
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        if (!(capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be positive");
        }

        if (initialLevel < 0 || initialLevel > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel, "the initial level must lie in [0, capacity]");
        }

        Capacity = capacity;
        Level = initialLevel;
        Name = name ?? "container";
    }

    public string Name { get; }

    public double Capacity { get; }

    public double Level { get; private set; }

    public Event Put(double amount)
    {
        CheckAmount(amount);
        var e = new Event(_simulation);
        _puts.Enqueue((e, amount));
        Settle();
        return e;
    }

    public Event Get(double amount)
    {
        CheckAmount(amount);
        var e = new Event(_simulation);
        _gets.Enqueue((e, amount));
        Settle();
        return e;
    }

    public override string ToString() => $"Container '{Name}' ({Level}/{Capacity})";

    private void CheckAmount(double amount)
    {
        if (!(amount > 0) || amount > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"amount must be in (0, {Capacity}]");
        }
    }

    private void Settle()
    {
        bool progress = true;
        while (progress)
        {
            progress = false;
            while (_puts.Count > 0 && Level + _puts.Peek().Amount <= Capacity)
            {
                var (e, amount) = _puts.Dequeue();
                Level += amount;
                e.Succeed(amount);
                progress = true;
            }

            while (_gets.Count > 0 && _gets.Peek().Amount <= Level)
            {
                var (e, amount) = _gets.Dequeue();
                Level -= amount;
                e.Succeed(amount);
                progress = true;
            }
        }
    }
}
