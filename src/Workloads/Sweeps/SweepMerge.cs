using System.Globalization;
using System.Text;
using Engram.Workloads.Reports;
using Parquet;
using Parquet.Schema;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// <c>engram merge DIR</c>: gathers every shard's journal against the manifest into <c>sweep.csv</c> and
/// <c>sweep.parquet</c>, one row per point in point order (axes, then metrics). Lines of another sweep are refused;
/// a point recorded by two shards (a re-run with another shard count) appears once.
/// </summary>
public static class SweepMerge
{
    public const string CsvFileName = "sweep.csv";
    public const string ParquetFileName = "sweep.parquet";

    private static readonly string[] LeadingColumns = ["point", "id"];

    /// <summary>Reads the folder; throws <see cref="InvalidDataException"/> on results of another sweep or unknown points.</summary>
    public static SweepTable Read(string folder)
    {
        var manifest = SweepManifest.Read(folder);
        var byId = manifest.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var rows = new Dictionary<string, SweepResult>(StringComparer.Ordinal);
        foreach (string journal in Directory.GetFiles(folder, "results-*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var result in ResultsJournal.Read(journal))
            {
                if (result.Sweep != manifest.Sweep)
                {
                    throw new InvalidDataException(
                        $"{Path.GetFileName(journal)} holds results of another sweep file (sweep {result.Sweep}); {SweepManifest.FileName} is sweep '{manifest.Name}' ({manifest.Sweep}): merge only shards of one sweep");
                }

                if (!byId.TryGetValue(result.Id, out var point) || point.Index != result.Index)
                {
                    throw new InvalidDataException($"{Path.GetFileName(journal)}: point {result.Index} ({result.Id}) is not a point of sweep '{manifest.Name}'");
                }

                rows.TryAdd(result.Id, result);
            }
        }

        var missing = manifest.Points.Where(p => !rows.ContainsKey(p.Id)).ToList();
        return new SweepTable(manifest, [.. rows.Values.OrderBy(r => r.Index)], missing);
    }

    /// <summary>The CSV: header <c>point,id,axes…,metrics…</c>; numbers in round-trip form, so equal results are equal bytes.</summary>
    public static string Csv(SweepTable table)
    {
        var m = table.Manifest;
        var text = new StringBuilder();
        text.AppendJoin(',', LeadingColumns.Concat(m.Axes).Concat(m.Metrics.Select(x => x.Name)).Select(Escape)).Append('\n');
        foreach (var row in table.Rows)
        {
            var cells = new List<string> { row.Index.ToString(CultureInfo.InvariantCulture), row.Id };
            cells.AddRange(m.Axes.Select(a => Escape(row.Axes[a])));
            cells.AddRange(m.Metrics.Select(x => row.Metrics[x.Name].ToString("R", CultureInfo.InvariantCulture)));
            text.AppendJoin(',', cells).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same table as Parquet: integer and numeric axes typed as such, the rest as strings; metrics as doubles.</summary>
    public static byte[] Parquet(SweepTable table)
    {
        var m = table.Manifest;
        var rows = table.Rows;
        var fields = new List<DataField> { new DataField<int>("point"), new DataField<string>("id") };
        var kinds = new List<char>();
        for (int a = 0; a < m.Axes.Count; a++)
        {
            char kind = table.IsIntegerAxis(a) ? 'l' : table.IsNumericAxis(a) ? 'd' : 's';
            kinds.Add(kind);
            fields.Add(kind switch
            {
                'l' => new DataField<long>(m.Axes[a]),
                'd' => new DataField<double>(m.Axes[a]),
                _ => new DataField<string>(m.Axes[a]),
            });
        }

        fields.AddRange(m.Metrics.Select(x => new DataField<double>(x.Name)));
        var schema = new ParquetSchema(fields.Cast<Field>());
        using var buffer = new MemoryStream();
        WriteAsync().GetAwaiter().GetResult();
        return buffer.ToArray();

        async Task WriteAsync()
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, buffer).ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], (ReadOnlyMemory<int>)rows.Select(r => r.Index).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(fields[1], rows.Select(r => r.Id).ToArray()).ConfigureAwait(false);
            for (int a = 0; a < m.Axes.Count; a++)
            {
                var field = fields[2 + a];
                var texts = rows.Select(r => r.Axes[m.Axes[a]]).ToArray();
                switch (kinds[a])
                {
                    case 'l':
                        await group.WriteAsync(field, (ReadOnlyMemory<long>)texts.Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                        break;
                    case 'd':
                        await group.WriteAsync(field, (ReadOnlyMemory<double>)texts.Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                        break;
                    default:
                        await group.WriteAsync(field, texts).ConfigureAwait(false);
                        break;
                }
            }

            for (int x = 0; x < m.Metrics.Count; x++)
            {
                string name = m.Metrics[x].Name;
                await group.WriteAsync(fields[2 + m.Axes.Count + x], (ReadOnlyMemory<double>)rows.Select(r => r.Metrics[name]).ToArray()).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes both files into the folder, each atomically.</summary>
    public static void Write(string folder, SweepTable table)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, CsvFileName), Csv(table));
        AtomicFile.WriteAllBytes(Path.Combine(folder, ParquetFileName), Parquet(table));
    }

    private static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
