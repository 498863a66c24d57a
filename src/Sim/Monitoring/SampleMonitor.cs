namespace Engram.Sim.Monitoring;

/// <summary>
/// Statistics of observed values (latencies, queue waits): count, mean and variance by Welford's
/// update, min, max; optionally keeps the samples for percentiles.
/// </summary>
public sealed class SampleMonitor
{
    private readonly List<double>? _samples;
    private double _mean;
    private double _m2;

    public SampleMonitor(string name, bool keepSamples = false)
    {
        Name = name;
        _samples = keepSamples ? [] : null;
    }

    public string Name { get; }

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>Sample variance (n − 1 in the denominator).</summary>
    public double Variance => Count < 2 ? double.NaN : _m2 / (Count - 1);

    public double StandardDeviation => Math.Sqrt(Variance);

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public IReadOnlyList<double> Samples => _samples ?? throw new InvalidOperationException($"monitor '{Name}' does not keep samples");

    public void Add(double value)
    {
        Count++;
        Sum += value;
        double delta = value - _mean;
        _mean += delta / Count;
        _m2 += delta * (value - _mean);
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        _samples?.Add(value);
    }

    /// <summary>Nearest-rank percentile in [0, 100] of the kept samples.</summary>
    public double Percentile(double percent)
    {
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "must be in [0, 100]");
        }

        var samples = Samples;
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        int rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
