using Engram.Models.Learning;

namespace Engram.Models.Tests.Learning;

public class OptimizerTests
{
    [Fact]
    public void Adam_matches_two_hand_computed_pytorch_steps()
    {
        // Step 1, g = 0.5: m = 0.05, v = 2.5e-4, p = 1 − (0.1/0.1)·0.05/(√2.5e-4/√1e-3 + 1e-8).
        // Step 2, g = 0.2: m = 0.065, v = 2.8975e-4, p −= (0.1/0.19)·0.065/(√2.8975e-4/√1.999e-3 + 1e-8).
        var adam = new Adam(0.1);
        var state = adam.CreateState(1);
        double[] p = [1.0];
        adam.Step(p, [0.5], state);
        Assert.Equal(0.9000000019999999, p[0], 1e-14);
        adam.Step(p, [0.2], state);
        Assert.Equal(0.8101424839029281, p[0], 1e-14);
        Assert.Equal(2, state.Steps);
        Assert.Equal(0.065, state.First[0], 1e-15);
        Assert.Equal(2.8975e-4, state.Second[0], 1e-15);
    }

    [Fact]
    public void RmsProp_matches_two_hand_computed_pytorch_steps()
    {
        // Step 1, g = 0.5: v = 0.01·0.25 = 2.5e-3, p = 1 − 0.01·0.5/(0.05 + 1e-8).
        // Step 2, g = 0.2: v = 0.99·2.5e-3 + 0.01·0.04 = 2.875e-3, p −= 0.01·0.2/(√2.875e-3 + 1e-8).
        var rms = new RmsProp(0.01);
        var state = rms.CreateState(1);
        double[] p = [1.0];
        rms.Step(p, [0.5], state);
        Assert.Equal(0.900000019999996, p[0], 1e-14);
        rms.Step(p, [0.2], state);
        Assert.Equal(0.8626998346269039, p[0], 1e-14);
        Assert.Equal(2.875e-3, state.Second[0], 1e-15);
    }

    [Fact]
    public void Zero_gradients_leave_parameters_unchanged()
    {
        foreach (IOptimizer opt in new IOptimizer[] { new Adam(0.1), new RmsProp(0.1) })
        {
            var state = opt.CreateState(3);
            double[] p = [0.3, -0.2, 0.7];
            for (int t = 0; t < 5; t++)
            {
                opt.Step(p, [0.0, 1.0, 0.0], state);
            }

            Assert.Equal(0.3, p[0]);
            Assert.Equal(0.7, p[2]);
            Assert.True(p[1] < -0.2);
        }
    }

    [Fact]
    public void Steps_do_not_allocate()
    {
        var adam = new Adam();
        var rms = new RmsProp();
        var sa = adam.CreateState(256);
        var sr = rms.CreateState(256);
        var p = new double[256];
        var g = Enumerable.Range(0, 256).Select(i => i / 256.0).ToArray();
        adam.Step(p, g, sa);
        rms.Step(p, g, sr);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            adam.Step(p, g, sa);
            rms.Step(p, g, sr);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Vectorised_steps_equal_the_scalar_formulas_bit_for_bit()
    {
        var rng = new Random(5);
        const int n = 13;
        var p0 = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var grads = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();

        var adam = new Adam(0.01);
        var sa = adam.CreateState(n);
        var rms = new RmsProp(0.01);
        var sr = rms.CreateState(n);
        var pa = (double[])p0.Clone();
        var pr = (double[])p0.Clone();
        foreach (var g in grads)
        {
            adam.Step(pa, g, sa);
            rms.Step(pr, g, sr);
        }

        for (int k = 0; k < n; k++)
        {
            double p = p0[k], m = 0, v = 0, q = p0[k], w = 0;
            for (int t = 1; t <= grads.Length; t++)
            {
                double g = grads[t - 1][k];
                m = (0.9 * m) + ((1 - 0.9) * g);
                v = (0.999 * v) + ((1 - 0.999) * g * g);
                p -= 0.01 / (1 - Math.Pow(0.9, t)) * m / ((Math.Sqrt(v) / Math.Sqrt(1 - Math.Pow(0.999, t))) + 1e-8);
                w = (0.99 * w) + ((1 - 0.99) * g * g);
                q -= 0.01 * g / (Math.Sqrt(w) + 1e-8);
            }

            Assert.Equal(p, pa[k]);
            Assert.Equal(q, pr[k]);
        }
    }
}
