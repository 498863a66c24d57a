using OxyPlot;

namespace Engram.Workloads.Reports;

/// <summary>
/// Text metrics for the SVG exporter without any system font: OxyPlot's PDF context knows the standard Helvetica
/// (= Arial) widths but measures in points (1/72 inch), while SVG text is drawn in CSS pixels (1/96 inch). Scaling by
/// 96/72 makes labels, legends and margins fit the text a browser draws with Arial or its metric twin Liberation Sans.
/// </summary>
internal sealed class SvgTextMeasurer(double width, double height) : PdfRenderContext(width, height, OxyColors.White)
{
    private const double PixelsPerPoint = 96.0 / 72.0;

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        var size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(size.Width * PixelsPerPoint, size.Height * PixelsPerPoint);
    }
}
