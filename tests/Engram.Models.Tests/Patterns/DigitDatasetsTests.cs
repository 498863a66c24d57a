using Engram.Models.Patterns;

namespace Engram.Models.Tests.Patterns;

/// <summary>The shipped digit data sets (data/README.md) and their conversion to patterns (docs/associative-memory.md).</summary>
public class DigitDatasetsTests
{
    private static string DataFile(string name) => Path.Combine(RepoPaths.Data, name);

    private static readonly Lazy<DigitImages> Mnist = new(() => DigitDatasets.LoadMnist(DataFile(DigitDatasets.MnistFileName)));

    /// <summary>The first 100 MNIST images (every digit ten times): enough for the per-side conversions.</summary>
    private static readonly Lazy<DigitImages> MnistSubset = new(() => new DigitImages(Mnist.Value.Side, [.. Mnist.Value.Pixels.Take(100)], [.. Mnist.Value.Labels.Take(100)]));

    [Fact]
    public void Digits_8x8_has_1797_images_of_64_pixels_in_0_to_1_with_labels_0_to_9()
    {
        var digits = DigitDatasets.LoadDigits8x8(DataFile(DigitDatasets.DigitsFileName));
        Assert.Equal(1797, digits.Count);
        Assert.Equal(8, digits.Side);
        Assert.All(digits.Pixels, p => Assert.Equal(64, p.Length));
        Assert.All(digits.Pixels.SelectMany(p => p), v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(1.0, digits.Pixels.SelectMany(p => p).Max()); // 16 / 16 occurs
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels.Distinct().Order());
    }

    [Fact]
    public void Mnist_has_10000_images_of_28x28_labelled_0_to_9_in_runs_of_ten()
    {
        var mnist = Mnist.Value;
        Assert.Equal(10000, mnist.Count);
        Assert.Equal(28, mnist.Side);
        Assert.All(mnist.Pixels, p => Assert.Equal(784, p.Length));
        Assert.All(mnist.Pixels[0], v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(Enumerable.Range(0, 10), mnist.Labels.Take(10));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(28)]
    public void Mnist_patterns_have_side_squared_entries_in_range(int side)
    {
        var resized = DigitDatasets.Resize(MnistSubset.Value, side);
        Assert.Equal(side, resized.Side);
        var binary = DigitDatasets.Patterns(resized, continuous: false);
        var continuous = DigitDatasets.Patterns(resized, continuous: true);
        Assert.Equal(100, binary.Length);
        Assert.Equal(100, continuous.Length);
        Assert.All(binary, p => Assert.Equal(side * side, p.Length));
        Assert.All(binary.SelectMany(p => p), v => Assert.True(v is 1 or -1));
        Assert.All(continuous.SelectMany(p => p), v => Assert.InRange(v, -1.0, 1.0));
        Assert.Contains(continuous[0], v => v > 0.5);
        Assert.Contains(continuous[0], v => v == -1);
    }

    [Fact]
    public void Binary_patterns_are_plus_one_exactly_where_a_pixel_is_above_its_image_mean()
    {
        var images = new DigitImages(2, [[0.0, 0.2, 0.6, 1.0], [0.5, 0.5, 0.5, 0.5]], [0, 1]);
        var binary = DigitDatasets.Patterns(images, continuous: false);
        Assert.Equal([-1.0, -1, 1, 1], binary[0]); // mean 0.45
        Assert.Equal([-1.0, -1, -1, -1], binary[1]); // no pixel above the mean
        var continuous = DigitDatasets.Patterns(images, continuous: true);
        Assert.Equal([-1.0, -0.6, 0.2, 1], continuous[0], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Resize_crops_the_centre_24x24_then_area_averages()
    {
        // A 28×28 image whose pixel value is its row index / 27: after the crop rows 2..25 remain; the 8×8
        // area average of 3×3 blocks gives the mean row of each block, (2 + 3r + 1) / 27.
        var image = new double[28 * 28];
        for (int r = 0; r < 28; r++)
        {
            for (int c = 0; c < 28; c++)
            {
                image[(r * 28) + c] = r / 27.0;
            }
        }

        var small = DigitDatasets.Resize(new DigitImages(28, [image], [0]), 8);
        Assert.Equal(8, small.Side);
        Assert.Equal(64, small.Pixels[0].Length);
        for (int r = 0; r < 8; r++)
        {
            Assert.Equal((3.0 + (3 * r)) / 27.0, small.Pixels[0][r * 8], 12);
            Assert.Equal(small.Pixels[0][r * 8], small.Pixels[0][(r * 8) + 7], 12);
        }

        // A non-integer factor (24 → 10) keeps the mean of a constant image and of the whole image.
        var resized = DigitDatasets.AreaResize(Enumerable.Repeat(0.3, 24 * 24).ToArray(), 24, 10);
        Assert.All(resized, v => Assert.Equal(0.3, v, 12));
        var ramp = DigitDatasets.CentreCrop(image, 28, 24);
        Assert.Equal(ramp.Average(), DigitDatasets.AreaResize(ramp, 24, 10).Average(), 12);
    }

    [Fact]
    public void Digits_give_N_64_only()
    {
        Assert.Throws<ArgumentException>(() => DigitDatasets.DigitsPatterns(DataFile(DigitDatasets.DigitsFileName), 100, false));
        Assert.Equal(64, DigitDatasets.DigitsPatterns(DataFile(DigitDatasets.DigitsFileName), 64, false)[0].Length);
    }

    [Fact]
    public void Gaussian_cues_stay_in_range_and_are_centred_on_the_pattern()
    {
        var rng = new Random(3);
        var pattern = Enumerable.Range(0, 2000).Select(i => (i % 5 / 2.5) - 0.8).ToArray();
        var cue = CueCorruption.Gaussian(pattern, 0.6, rng);
        Assert.All(cue, v => Assert.InRange(v, -1.0, 1.0));
        Assert.NotEqual(pattern, cue);
        Assert.Equal(pattern, CueCorruption.Gaussian(pattern, 0, rng));
        var noise = CueCorruption.Gaussian(new double[20000], 0.1, rng);
        Assert.Equal(0, noise.Average(), 2);
        Assert.Equal(0.1, Math.Sqrt(noise.Average(v => v * v)), 2);
    }
}
