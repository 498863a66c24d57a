namespace Engram.Bench.Kernel;

/// <summary>One configuration's measurement: wakeups per second over several runs, bytes per wakeup.</summary>
public sealed record ThroughputResult(
    string Model,
    string Params,
    double MedianMwps,
    double MinMwps,
    double MaxMwps,
    double BytesPerWakeup,
    long Wakeups,
    long FinalTick);
