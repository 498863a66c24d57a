using Engram.Models.Devices;

namespace Engram.Components.Blocks.Programming;

/// <summary>What a write-verify programming of a layer cost: pulses, verify reads, cells that missed the tolerance, time and energy.</summary>
public sealed record ProgrammingResult(long Pulses, long VerifyReads, long Unconverged, long LatencyPs, double EnergyJ)
{
    /// <summary>Two programming phases one after the other (e.g. the layers of a network).</summary>
    public ProgrammingResult Then(ProgrammingResult next) =>
        new(Pulses + next.Pulses, VerifyReads + next.VerifyReads, Unconverged + next.Unconverged, LatencyPs + next.LatencyPs, EnergyJ + next.EnergyJ);

    /// <summary>Counts shared by the per-array programming processes (they run on the one kernel thread).</summary>
    internal sealed class Tally
    {
        private long _pulses, _reads, _unconverged;

        public void Add(WriteVerifyResult result)
        {
            _pulses += result.Pulses;
            _reads += result.VerifyReads;
            _unconverged += result.Converged ? 0 : 1;
        }

        public ProgrammingResult Result(long latencyPs, double energyJ) => new(_pulses, _reads, _unconverged, latencyPs, energyJ);
    }
}
