using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Engram.Workloads.Reports;

/// <summary>A named series of (x, y) values for <see cref="SvgPlot"/>.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points, double[]? Colour = null);

/// <summary>
/// The report's figure kinds, drawn by OxyPlot and exported with its SVG exporter. Text is measured with OxyPlot's
/// PDF metrics (built in, no system fonts), so the same data give the same SVG on any machine, headless or not.
/// </summary>
public static class SvgPlot
{
    public const int Width = 860;
    public const int Height = 440;

    /// <summary>Horizontal stacked bars: one bar per category, one stack segment per series.</summary>
    public static string StackedBars(string figureId, string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, double[] Values)> series, string valueTitle)
    {
        var model = Model(title, legendOutside: true);
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Left, ItemsSource = categories, GapWidth = 0.4, Key = "c" });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = valueTitle, MinimumPadding = 0, AbsoluteMinimum = 0, MajorGridlineStyle = LineStyle.Dot });
        foreach (var (name, values) in series)
        {
            var bars = new BarSeries { Title = name, IsStacked = true, StrokeThickness = 0.5, StrokeColor = OxyColors.White };
            foreach (double v in values)
            {
                bars.Items.Add(new BarItem(v));
            }

            model.Series.Add(bars);
        }

        return Export(model, figureId, Math.Max(Height, 120 + (categories.Count * 40)));
    }

    /// <summary>Points on linear or logarithmic axes; a series with <see cref="PlotSeries.Colour"/> is coloured by value on a colour bar; <paramref name="rings"/> are circled.</summary>
    public static string Scatter(string figureId, string title, IReadOnlyList<PlotSeries> series, string xTitle, string yTitle, bool logX, bool logY,
        string? colourTitle = null, PlotSeries? rings = null)
    {
        var model = Model(title);
        model.Axes.Add(Axis(logX, AxisPosition.Bottom, xTitle));
        model.Axes.Add(Axis(logY, AxisPosition.Left, yTitle));
        if (colourTitle is not null)
        {
            model.Axes.Add(new LinearColorAxis { Position = AxisPosition.Right, Title = colourTitle, Palette = OxyPalettes.Viridis(100), Key = "colour" });
        }

        var markers = new[] { MarkerType.Circle, MarkerType.Triangle, MarkerType.Square, MarkerType.Diamond };
        int k = 0;
        foreach (var s in series)
        {
            var scatter = new ScatterSeries { Title = s.Name, MarkerType = markers[k++ % markers.Length], MarkerSize = 4, MarkerStroke = OxyColors.Black, MarkerStrokeThickness = 0.5 };
            if (s.Colour is not null && colourTitle is not null)
            {
                scatter.ColorAxisKey = "colour";
            }

            for (int i = 0; i < s.Points.Count; i++)
            {
                scatter.Points.Add(new ScatterPoint(s.Points[i].X, s.Points[i].Y, double.NaN, s.Colour is null ? double.NaN : s.Colour[i]));
            }

            model.Series.Add(scatter);
        }

        if (rings is not null)
        {
            // A marker-only line series: it takes no colour from the colour axis, so the rings stay red and hollow.
            var ring = new LineSeries { Title = rings.Name, LineStyle = LineStyle.None, MarkerType = MarkerType.Circle, MarkerSize = 8, MarkerFill = OxyColors.Transparent, MarkerStroke = OxyColors.Red, MarkerStrokeThickness = 1.5 };
            ring.Points.AddRange(rings.Points.Select(p => new DataPoint(p.X, p.Y)));
            model.Series.Add(ring);
        }

        return Export(model, figureId, Height);
    }

    /// <summary>Lines with markers, one per series.</summary>
    public static string Lines(string figureId, string title, IReadOnlyList<PlotSeries> series, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        var model = Model(title);
        model.Axes.Add(Axis(logX, AxisPosition.Bottom, xTitle));
        model.Axes.Add(Axis(logY, AxisPosition.Left, yTitle));
        foreach (var s in series)
        {
            var line = new LineSeries { Title = s.Name, MarkerType = MarkerType.Circle, MarkerSize = 3, StrokeThickness = 1.5 };
            line.Points.AddRange(s.Points.Select(p => new DataPoint(p.X, p.Y)));
            model.Series.Add(line);
        }

        return Export(model, figureId, Height);
    }

    // Bars start at the left edge, so their legend goes outside, to the right; points leave the top-left corner free more often.
    private static PlotModel Model(string title, bool legendOutside = false)
    {
        var model = new PlotModel { Title = title, TitleFontSize = 14, Background = OxyColors.White, DefaultFont = "Arial" };
        model.Legends.Add(new Legend
        {
            LegendPosition = legendOutside ? LegendPosition.RightTop : LegendPosition.TopLeft,
            LegendPlacement = legendOutside ? LegendPlacement.Outside : LegendPlacement.Inside,
            LegendOrientation = LegendOrientation.Vertical,
            LegendBackground = OxyColor.FromAColor(220, OxyColors.White),
            LegendBorder = OxyColors.Gray,
            LegendLineSpacing = 4,
            LegendPadding = 8,
        });
        return model;
    }

    private static Axis Axis(bool log, AxisPosition position, string title) => log
        ? new LogarithmicAxis { Position = position, Title = title, AxisTitleDistance = 10, MinimumPadding = 0.05, MaximumPadding = 0.05, MajorGridlineStyle = LineStyle.Dot, MinorGridlineStyle = LineStyle.None, StringFormat = "G3" }
        : new LinearAxis { Position = position, Title = title, AxisTitleDistance = 10, MinimumPadding = 0.05, MaximumPadding = 0.05, MajorGridlineStyle = LineStyle.Dot, StringFormat = "G4" };

    /// <summary>
    /// SVG text for inlining in HTML: without the XML prolog, with the exporter's element ids (clip paths, the same in
    /// every figure) prefixed by the figure id so several figures on one page keep their own.
    /// </summary>
    private static string Export(PlotModel model, string figureId, int height)
    {
        var exporter = new SvgExporter { Width = Width, Height = height, IsDocument = false, TextMeasurer = new SvgTextMeasurer(Width, height) };
        string svg = exporter.ExportToString(model);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..]
            .Replace("id=\"clipPath", $"id=\"{figureId}-clipPath", StringComparison.Ordinal)
            .Replace("url(#clipPath", $"url(#{figureId}-clipPath", StringComparison.Ordinal);
        string label = System.Net.WebUtility.HtmlEncode(model.Title ?? figureId);
        return string.Create(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{label}\" data-figure=\"{figureId}\"") + svg[4..];
    }
}
