using System.Numerics.Tensors;
using System.Numerics;

namespace Engram.Models.Devices;

/// <summary>
/// The GV16 stochastic rank-one update as aihwkit implements it (StochasticCompressed, BL management, update
/// management; aihwkit <c>rpu_pulsed_meta_parameter.cpp</c>, Gokmen &amp; Vlasov 2016). Cell (r, c) of the array moves by Δw ≈ −lr·x_r·d_c in device units:
/// x drives the rows (inputs), d the columns (errors at the outputs).
/// </summary>
/// <remarks>
/// Each line's train is one <see cref="uint"/>: bit 0 holds the sign (1 = negative), bits 1..BL the slots,
/// as in aihwkit's GPU kernels. Coincidences are <c>PopCount(x &amp; d)</c> on the slot bits; the direction is
/// sign(lr)·sign(x)·sign(d) &gt; 0 → down. A cell receives its n coincidences as n successive update-once steps.
/// Buffers are allocated once here; an update allocates nothing.
/// </remarks>
public sealed class StochasticPulseUpdater
{
    private const uint SignBit = 1u;

    private readonly uint[] _rowTrains;
    private readonly uint[] _columnTrains;
    private readonly int[] _pulseCounts;

    public StochasticPulseUpdater(int rows, int cols, UpdateParameters? parameters = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        Parameters = parameters ?? new UpdateParameters();
        Parameters.Validate();
        Rows = rows;
        Cols = cols;
        _rowTrains = new uint[rows];
        _columnTrains = new uint[cols];
        _pulseCounts = new int[rows * cols];
    }

    public UpdateParameters Parameters { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Each row's train of the last update: bit 0 the sign (1 = negative), bits 1..BL the slots that fire.</summary>
    public ReadOnlySpan<uint> RowTrains => _rowTrains;

    /// <summary>Each column's train of the last update, as <see cref="RowTrains"/>.</summary>
    public ReadOnlySpan<uint> ColumnTrains => _columnTrains;

    /// <summary>Pulses each cell received in the last update, row-major.</summary>
    public ReadOnlySpan<int> PulseCounts => _pulseCounts;

    /// <summary>
    /// Computes BL and the probability scales A (for d) and B (for x) exactly as aihwkit's
    /// <c>PulsedRPUMetaParameter</c> does. Returns BL = 0 when there is nothing to update.
    /// </summary>
    public (int BitLength, double ScaleD, double ScaleX) Plan(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double lr, double granularity)
    {
        var p = Parameters;
        double lrAbs = Math.Abs(lr);
        if (lrAbs == 0)
        {
            return (0, 0, 0);
        }

        int desired = p.DesiredBl;
        if (p.UpdateBlManagement || p.UpdateManagement)
        {
            double xm = Math.Abs(TensorPrimitives.MaxMagnitude(x));
            double dm = Math.Abs(TensorPrimitives.MaxMagnitude(d));
            if (xm == 0 || dm == 0)
            {
                return (0, 0, 0);
            }

            double dv = p.UmGradScale * dm;
            double k = lrAbs * xm * dv / granularity;
            int bl = p.UpdateBlManagement ? (int)Math.Max(Math.Min(Math.Ceiling(k), desired), 1) : desired;
            double scale = Math.Sqrt(lrAbs / (granularity * bl));

            // Update management is forced on with BL management (aihwkit): clip the gradient side, never x,
            // then balance the two maximum probabilities.
            if (k > desired)
            {
                dv *= desired / k;
            }

            return (bl, scale * Math.Sqrt(xm / dv), scale * Math.Sqrt(dv / xm));
        }

        if (p.FixedBl || granularity * desired >= lrAbs)
        {
            double s = Math.Sqrt(lrAbs / (granularity * desired));
            return (desired, s, s);
        }

        return ((int)Math.Min(Math.Max(Math.Ceiling(lrAbs / granularity), 1), UpdateParameters.MaxBitLength), 1, 1);
    }

    /// <summary>
    /// One stochastic rank-one update of <paramref name="array"/>: Δw_rc ≈ −lr·x_r·d_c, with x per row and d per column.
    /// Per-cell pulse counts land in <see cref="PulseCounts"/>.
    /// </summary>
    public PulseUpdateResult Update(DeviceArray array, ReadOnlySpan<double> x, ReadOnlySpan<double> d, double lr, Random rng)
    {
        if (array.Rows != Rows || array.Cols != Cols)
        {
            throw new ArgumentException($"updater is {Rows}×{Cols}, array is {array.Rows}×{array.Cols}", nameof(array));
        }

        if (x.Length != Rows || d.Length != Cols)
        {
            throw new ArgumentException($"expected x of {Rows} and d of {Cols}, got {x.Length} and {d.Length}");
        }

        Array.Clear(_pulseCounts);
        var (bl, scaleD, scaleX) = Plan(x, d, lr, array.Response.WeightGranularity);
        if (bl == 0)
        {
            return new PulseUpdateResult(0, 0, 0, 0, 0, 0, 0);
        }

        // Rows' trains first, then columns', so the draws depend only on the stream and the inputs.
        int rowBits = FillTrains(x, scaleX, bl, rng, _rowTrains);
        int colBits = FillTrains(d, scaleD, bl, rng, _columnTrains);
        uint slotMask = ((1u << bl) - 1u) << 1;
        bool lrPositive = lr > 0;
        long up = 0;
        long down = 0;
        for (int r = 0; r < Rows; r++)
        {
            uint xTrain = _rowTrains[r];
            if ((xTrain & slotMask) == 0)
            {
                continue;
            }

            int rowStart = r * Cols;
            for (int c = 0; c < Cols; c++)
            {
                uint dTrain = _columnTrains[c];
                int n = BitOperations.PopCount(xTrain & dTrain & slotMask);
                if (n == 0)
                {
                    continue;
                }

                bool productPositive = ((xTrain ^ dTrain) & SignBit) == 0;
                var direction = productPositive == lrPositive ? PulseDirection.Down : PulseDirection.Up;
                array.ApplyPulses(rowStart + c, direction, n, rng);
                _pulseCounts[rowStart + c] = n;
                if (direction == PulseDirection.Up)
                {
                    up += n;
                }
                else
                {
                    down += n;
                }
            }
        }

        return new PulseUpdateResult(bl, scaleD, scaleX, up, down, rowBits, colBits);
    }

    private int FillTrains(ReadOnlySpan<double> values, double scale, int bl, Random rng, uint[] trains)
    {
        int bits = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            uint train = v < 0 ? SignBit : 0u;
            double probability = Quantize(scale * Math.Abs(v), rng);
            if (probability > 0)
            {
                for (int t = 1; t <= bl; t++)
                {
                    // A probability of 1 or more always fires, without consuming a draw.
                    if (probability >= 1.0 || rng.NextDouble() < probability)
                    {
                        train |= 1u << t;
                        bits++;
                    }
                }
            }

            trains[i] = train;
        }

        return bits;
    }

    private double Quantize(double probability, Random rng)
    {
        double res = Parameters.Res;
        if (res <= 0)
        {
            return probability;
        }

        if (res > 1)
        {
            res = 1.0 / res;
        }

        double scaled = probability / res;
        if (Parameters.StoRound)
        {
            scaled += rng.NextDouble() - 0.5;
        }

        return Math.Round(scaled, MidpointRounding.AwayFromZero) * res;
    }
}
