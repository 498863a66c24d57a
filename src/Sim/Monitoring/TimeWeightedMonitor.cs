using Engram.Sim.Core;

namespace Engram.Sim.Monitoring;

/// <summary>
/// A level that holds between changes (queue length, units busy, power state): integrates
/// value × duration over whole ticks, so its time average is exact for piecewise-constant signals.
/// </summary>
public sealed class TimeWeightedMonitor
{
    private readonly Simulation _simulation;
    private readonly long _startTick;
    private long _lastTick;
    private double _integral;

    public TimeWeightedMonitor(Simulation simulation, string name, double initialValue = 0)
    {
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Name = name;
        Value = initialValue;
        Min = Max = initialValue;
        _startTick = _lastTick = simulation.Now;
    }

    public string Name { get; }

    public double Value { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    /// <summary>Changes the level now; the previous level is credited for the ticks it held.</summary>
    public void Update(double value)
    {
        Accumulate();
        Value = value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>∫ value dt from creation to now, in value·ticks.</summary>
    public double Integral
    {
        get
        {
            Accumulate();
            return _integral;
        }
    }

    /// <summary>Time average from creation to now (the current value if no time has passed).</summary>
    public double Mean
    {
        get
        {
            long span = _simulation.Now - _startTick;
            return span == 0 ? Value : Integral / span;
        }
    }

    private void Accumulate()
    {
        long now = _simulation.Now;
        _integral += Value * (now - _lastTick);
        _lastTick = now;
    }
}
