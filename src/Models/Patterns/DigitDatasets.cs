using System.Globalization;
using System.IO.Compression;

namespace Engram.Models.Patterns;

/// <summary>Grey-level digit images with pixel values scaled to [0, 1], row-major, <see cref="Side"/>×<see cref="Side"/>.</summary>
public sealed record DigitImages(int Side, double[][] Pixels, int[] Labels)
{
    public int Count => Pixels.Length;
}

/// <summary>
/// The two shipped digit data sets (data/README.md) as associative-memory patterns (as the He et al. loader prepares MNIST):
/// <c>digits-8x8.csv.gz</c> (1797 images, 0..16) for N = 64 directly, and <c>mnist-10k-28x28.u8.gz</c>
/// (10000 images, 0..255) cropped and resized to side×side = N. Continuous patterns are the pixels scaled to
/// [−1, 1]; binary ones are +1 where a pixel is above its image's mean, else −1.
/// </summary>
public static class DigitDatasets
{
    public const string DigitsFileName = "digits-8x8.csv.gz";
    public const string MnistFileName = "mnist-10k-28x28.u8.gz";

    /// <summary>Loads the 8×8 UCI digits: 65 integers per line (64 pixels in 0..16, then the label).</summary>
    public static DigitImages LoadDigits8x8(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var pixels = new List<double[]>();
        var labels = new List<int>();
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 65)
            {
                throw new InvalidDataException($"{path}:{lineNo}: expected 65 values, found {fields.Length}");
            }

            var image = new double[64];
            for (int i = 0; i < 64; i++)
            {
                int v = int.Parse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                if (v is < 0 or > 16)
                {
                    throw new InvalidDataException($"{path}:{lineNo}: pixel {i} = {v} is outside 0..16");
                }

                image[i] = v / 16.0;
            }

            pixels.Add(image);
            labels.Add(int.Parse(fields[64], NumberStyles.Integer, CultureInfo.InvariantCulture));
        }

        return new DigitImages(8, [.. pixels], [.. labels]);
    }

    /// <summary>Loads the MNIST subset: "MNST", count, rows, cols (uint32 LE), count labels, count×rows×cols pixels.</summary>
    public static DigitImages LoadMnist(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        var magic = reader.ReadBytes(4);
        if (magic.Length != 4 || magic[0] != 'M' || magic[1] != 'N' || magic[2] != 'S' || magic[3] != 'T')
        {
            throw new InvalidDataException($"{path}: not an MNST file");
        }

        int count = checked((int)reader.ReadUInt32());
        int rows = checked((int)reader.ReadUInt32());
        int cols = checked((int)reader.ReadUInt32());
        if (rows != cols || rows <= 0)
        {
            throw new InvalidDataException($"{path}: images must be square, found {rows}×{cols}");
        }

        var labelBytes = reader.ReadBytes(count);
        if (labelBytes.Length != count)
        {
            throw new InvalidDataException($"{path}: truncated labels");
        }

        int size = rows * cols;
        var pixels = new double[count][];
        for (int k = 0; k < count; k++)
        {
            var bytes = reader.ReadBytes(size);
            if (bytes.Length != size)
            {
                throw new InvalidDataException($"{path}: truncated at image {k}");
            }

            var image = new double[size];
            for (int i = 0; i < size; i++)
            {
                image[i] = bytes[i] / 255.0;
            }

            pixels[k] = image;
        }

        return new DigitImages(rows, pixels, [.. labelBytes.Select(b => (int)b)]);
    }

    /// <summary>
    /// Images brought to <paramref name="side"/>×<paramref name="side"/> as in the He et al. loader: for
    /// side &lt; 24 a centre crop of 24×24, then a resize; otherwise a resize of the whole image (none when the
    /// side already matches). The resize is an area average: each output pixel is the overlap-weighted mean of
    /// the input pixels its square covers (exact box averaging for integer factors, e.g. 24 → 8 or 12).
    /// </summary>
    public static DigitImages Resize(DigitImages images, int side)
    {
        if (side <= 0 || side > images.Side)
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, $"side must be in 1..{images.Side}");
        }

        if (side == images.Side)
        {
            return images;
        }

        int crop = side < 24 && images.Side > 24 ? 24 : images.Side;
        var result = new double[images.Count][];
        for (int k = 0; k < images.Count; k++)
        {
            var cropped = CentreCrop(images.Pixels[k], images.Side, crop);
            result[k] = AreaResize(cropped, crop, side);
        }

        return new DigitImages(side, result, images.Labels);
    }

    public static double[] CentreCrop(double[] image, int side, int crop)
    {
        if (crop == side)
        {
            return image;
        }

        int offset = (side - crop) / 2;
        var result = new double[crop * crop];
        for (int r = 0; r < crop; r++)
        {
            Array.Copy(image, ((r + offset) * side) + offset, result, r * crop, crop);
        }

        return result;
    }

    /// <summary>Area-average resize of a square image from <paramref name="from"/> to <paramref name="to"/> pixels per side.</summary>
    public static double[] AreaResize(double[] image, int from, int to)
    {
        if (from == to)
        {
            return (double[])image.Clone();
        }

        // weights[o] lists (input index, overlap) along one axis; the 2-D weight is the product.
        var axis = new List<(int Index, double Weight)>[to];
        double scale = (double)from / to;
        for (int o = 0; o < to; o++)
        {
            axis[o] = [];
            double lo = o * scale;
            double hi = (o + 1) * scale;
            for (int i = (int)Math.Floor(lo); i < Math.Min(from, (int)Math.Ceiling(hi)); i++)
            {
                double overlap = Math.Min(hi, i + 1) - Math.Max(lo, i);
                if (overlap > 0)
                {
                    axis[o].Add((i, overlap / scale));
                }
            }
        }

        var result = new double[to * to];
        for (int r = 0; r < to; r++)
        {
            for (int c = 0; c < to; c++)
            {
                double sum = 0;
                foreach (var (ri, rw) in axis[r])
                {
                    foreach (var (ci, cw) in axis[c])
                    {
                        sum += rw * cw * image[(ri * from) + ci];
                    }
                }

                result[(r * to) + c] = sum;
            }
        }

        return result;
    }

    /// <summary>
    /// Patterns from images in [0, 1]: continuous = 2·pixel − 1 in [−1, 1]; binary = +1 where the pixel is above
    /// the image's mean, else −1 (a blank image is all −1).
    /// </summary>
    public static double[][] Patterns(DigitImages images, bool continuous)
    {
        var result = new double[images.Count][];
        for (int k = 0; k < images.Count; k++)
        {
            var image = images.Pixels[k];
            var pattern = new double[image.Length];
            if (continuous)
            {
                for (int i = 0; i < image.Length; i++)
                {
                    pattern[i] = Math.Clamp((2 * image[i]) - 1, -1, 1);
                }
            }
            else
            {
                double mean = image.Average();
                for (int i = 0; i < image.Length; i++)
                {
                    pattern[i] = image[i] > mean ? 1 : -1;
                }
            }

            result[k] = pattern;
        }

        return result;
    }

    /// <summary>The 8×8 digits as N = 64 patterns (no resize: other N are not available from this set).</summary>
    public static double[][] DigitsPatterns(string path, int n, bool continuous)
    {
        if (n != 64)
        {
            throw new ArgumentException($"the 8×8 digits give N = 64 only, not {n}; use the mnist data set for other sizes");
        }

        return Patterns(LoadDigits8x8(path), continuous);
    }

    /// <summary>MNIST as N = side² patterns, side ≤ 28 (crop and area resize as in <see cref="Resize"/>).</summary>
    public static double[][] MnistPatterns(string path, int n, bool continuous)
    {
        int side = (int)Math.Round(Math.Sqrt(n));
        if (side * side != n || side > 28)
        {
            throw new ArgumentException($"mnist patterns need N = side² with side ≤ 28, not {n}");
        }

        return Patterns(Resize(LoadMnist(path), side), continuous);
    }
}
