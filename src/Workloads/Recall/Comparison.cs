namespace Engram.Workloads.Recall;

/// <summary>
/// Synchronous against asynchronous recall on the same chip, patterns and cues, per recall:
/// energy ratio E_async / E_sync and latency reduction 1 − T_sync / T_async (hnn.md §5's two figures).
/// </summary>
public sealed record Comparison(int N, int Recalls, ScheduleFigures Sync, ScheduleFigures Async)
{
    public double EnergyRatio => Async.EnergyJ / Sync.EnergyJ;

    public double LatencyReduction => 1 - (Sync.LatencyPs / Async.LatencyPs);
}
