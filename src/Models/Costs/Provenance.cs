namespace Engram.Models.Costs;

/// <summary>
/// Where a cost figure comes from: the tool or paper, the node and year it was published for, the
/// original figure as printed, and how Engram carries it to other attributes (node, bits, width).
/// </summary>
public sealed record Provenance(string Source, string Node, int Year, string OriginalFigure, string Scaling = "")
{
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Source) && !string.IsNullOrWhiteSpace(Node) && Year > 1900 && !string.IsNullOrWhiteSpace(OriginalFigure);

    public override string ToString() =>
        Scaling.Length == 0
            ? $"{Source} ({Node}, {Year}): {OriginalFigure}"
            : $"{Source} ({Node}, {Year}): {OriginalFigure}; {Scaling}";
}
