using System.Text;

namespace Engram.Workloads.Reports;

/// <summary>A CSV file the report reads back (the project's own outputs): header and rows, with RFC 4180 quoting.</summary>
public sealed record CsvRows(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public int Column(string name)
    {
        int i = Header.ToList().IndexOf(name);
        return i >= 0 ? i : throw new InvalidDataException($"CSV has no column '{name}' (columns: {string.Join(", ", Header)})");
    }

    public static CsvRows Read(string path)
    {
        var lines = Split(File.ReadAllText(path));
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty CSV");
        }

        return new CsvRows(lines[0], lines.Skip(1).ToList());
    }

    private static List<IReadOnlyList<string>> Split(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
