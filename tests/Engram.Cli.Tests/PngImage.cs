using System.Buffers.Binary;
using System.IO.Compression;

namespace Engram.Cli.Tests;

/// <summary>
/// Just enough of PNG to read a browser screenshot: 8-bit RGB or RGBA, not interlaced (what Chromium writes).
/// Pixels come back as RGBA.
/// </summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[9] is not (2 or 6))
                {
                    throw new InvalidDataException($"unsupported PNG: bit depth {data[8]}, colour type {data[9]}, interlace {data[12]}");
                }

                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        byte[] raw = inflated.ToArray();
        int stride = width * channels;
        var current = new byte[stride];
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0;
                int b = previous[i];
                int c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }

            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[(x * channels) + 1];
                rgba[o + 2] = current[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return new PngImage(width, height, rgba);
    }

    /// <summary>Fraction of pixels that are not (nearly) white.</summary>
    public double InkFraction()
    {
        int ink = 0;
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            if (Rgba[o] < 235 || Rgba[o + 1] < 235 || Rgba[o + 2] < 235)
            {
                ink++;
            }
        }

        return ink / (double)(Width * Height);
    }

    /// <summary>Distinct colours, coarsened to 5 bits per channel (anti-aliasing adds noise, not colours).</summary>
    public int Colours()
    {
        var seen = new HashSet<int>();
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            seen.Add(((Rgba[o] >> 3) << 10) | ((Rgba[o + 1] >> 3) << 5) | (Rgba[o + 2] >> 3));
        }

        return seen.Count;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
