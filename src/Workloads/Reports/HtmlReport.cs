using System.Globalization;
using System.Net;
using System.Text;

namespace Engram.Workloads.Reports;

/// <summary>A figure of a report: inline SVG with a caption saying what is plotted and how it was made.</summary>
public sealed record ReportFigure(string Id, string Title, string Caption, string Svg);

/// <summary>A table of a report (header and rows of already formatted cells).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>
/// A self-contained <c>report.html</c>: inline SVG figures, tables and notes, a little CSS and no scripts, so it opens
/// offline in any browser and from any folder. Output depends only on the content (no dates), so reports diff cleanly.
/// </summary>
public sealed class HtmlReport
{
    public const string FileName = "report.html";

    private readonly List<(string Kind, object Item)> _items = [];

    public HtmlReport(string title, string subtitle)
    {
        Title = title;
        Subtitle = subtitle;
    }

    public string Title { get; }

    public string Subtitle { get; }

    public IEnumerable<ReportFigure> Figures => _items.Where(i => i.Kind == "figure").Select(i => (ReportFigure)i.Item);

    public HtmlReport Add(ReportFigure figure)
    {
        _items.Add(("figure", figure));
        return this;
    }

    public HtmlReport Add(ReportTable table)
    {
        _items.Add(("table", table));
        return this;
    }

    public HtmlReport Note(string text)
    {
        _items.Add(("note", text));
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(Title)).Append("</title>\n")
            .Append("<style>\nbody{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:2em auto;max-width:1000px;color:#222;background:#fff}\n")
            .Append("figure{margin:2em 0;border:1px solid #ddd;padding:1em}figcaption{font-size:.9em;color:#444;margin-top:.5em}\n")
            .Append("table{border-collapse:collapse;font-size:.85em;margin:1em 0}th,td{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}\n")
            .Append("p.note{color:#444}\n</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(Subtitle)).Append("</p>\n");
        int number = 0;
        foreach (var (kind, item) in _items)
        {
            switch (item)
            {
                case ReportFigure f:
                    number++;
                    html.Append("<figure id=\"").Append(E(f.Id)).Append("\" class=\"figure\">\n<h2>Figure ").Append(number.ToString(CultureInfo.InvariantCulture))
                        .Append(". ").Append(E(f.Title)).Append("</h2>\n").Append(f.Svg).Append("\n<figcaption>").Append(E(f.Caption)).Append("</figcaption>\n</figure>\n");
                    break;
                case ReportTable t:
                    html.Append("<h2>").Append(E(t.Title)).Append("</h2>\n");
                    if (t.Note is not null)
                    {
                        html.Append("<p class=\"note\">").Append(E(t.Note)).Append("</p>\n");
                    }

                    html.Append("<table>\n<tr>");
                    foreach (string h in t.Header)
                    {
                        html.Append("<th>").Append(E(h)).Append("</th>");
                    }

                    html.Append("</tr>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (string cell in row)
                        {
                            html.Append("<td>").Append(E(cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
                default:
                    _ = kind;
                    html.Append("<p class=\"note\">").Append(E((string)item)).Append("</p>\n");
                    break;
            }
        }

        html.Append("<p class=\"note\">Written by engram report. Figures drawn with OxyPlot's SVG exporter; the data are the CSV/JSON files beside this page.</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
