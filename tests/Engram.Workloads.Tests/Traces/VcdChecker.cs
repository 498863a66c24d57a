using System.Globalization;

namespace Engram.Workloads.Tests.Traces;

/// <summary>
/// A strict VCD reader (IEEE 1364-2005 §18): header sections closed by $end, a legal timescale, ids from
/// '!'..'~' declared before use with matching widths, legal value characters, time never decreasing,
/// $enddefinitions present. Returns the problems found and the value changes it read.
/// </summary>
public static class VcdChecker
{
    public sealed record Change(long TimePs, string Reference, string Value);

    public static (List<string> Problems, List<Change> Changes) Check(string text)
    {
        var problems = new List<string>();
        var changes = new List<Change>();
        var tokens = text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var vars = new Dictionary<string, (string Type, int Size, string Reference)>(StringComparer.Ordinal);
        var scope = new List<string>();
        int i = 0;
        bool definitions = false;
        bool timescale = false;
        while (i < tokens.Length && !definitions)
        {
            string tok = tokens[i++];
            switch (tok)
            {
                case "$date" or "$version" or "$comment":
                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                case "$timescale":
                    var ts = tokens.Skip(i).TakeWhile(x => x != "$end").ToList();
                    string joined = string.Concat(ts);
                    if (!System.Text.RegularExpressions.Regex.IsMatch(joined, "^(1|10|100)(s|ms|us|ns|ps|fs)$"))
                    {
                        problems.Add($"bad timescale '{joined}'");
                    }

                    timescale = true;
                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                case "$scope":
                    scope.Add(tokens[i + 1]);
                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                case "$upscope":
                    if (scope.Count == 0)
                    {
                        problems.Add("$upscope without $scope");
                    }
                    else
                    {
                        scope.RemoveAt(scope.Count - 1);
                    }

                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                case "$var":
                    string type = tokens[i];
                    int size = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
                    string id = tokens[i + 2];
                    string reference = string.Join('.', scope.Append(tokens[i + 3]));
                    if (id.Any(ch => ch < '!' || ch > '~'))
                    {
                        problems.Add($"illegal id '{id}'");
                    }

                    if (type is not ("wire" or "reg" or "real" or "integer"))
                    {
                        problems.Add($"unexpected var type {type}");
                    }

                    if (!vars.TryAdd(id, (type, size, reference)))
                    {
                        problems.Add($"id {id} declared twice");
                    }

                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                case "$enddefinitions":
                    definitions = true;
                    if (scope.Count != 0)
                    {
                        problems.Add("scopes left open");
                    }

                    i = SkipToEnd(tokens, i, tok, problems);
                    break;
                default:
                    problems.Add($"unexpected header token '{tok}'");
                    break;
            }
        }

        if (!definitions)
        {
            problems.Add("no $enddefinitions");
        }

        if (!timescale)
        {
            problems.Add("no $timescale");
        }

        long time = -1;
        while (i < tokens.Length)
        {
            string tok = tokens[i++];
            if (tok is "$dumpvars" or "$end" or "$dumpall" or "$dumpon" or "$dumpoff")
            {
                continue;
            }

            if (tok[0] == '#')
            {
                long t = long.Parse(tok.AsSpan(1), CultureInfo.InvariantCulture);
                if (t < time)
                {
                    problems.Add($"time goes back from {time} to {t}");
                }

                time = t;
                continue;
            }

            if (time < 0)
            {
                problems.Add($"value change '{tok}' before the first #time");
            }

            string idRef;
            string value;
            if (tok[0] is 'b' or 'B' or 'r' or 'R')
            {
                value = tok;
                idRef = tokens[i++];
            }
            else
            {
                value = tok[..1];
                idRef = tok[1..];
            }

            if (!vars.TryGetValue(idRef, out var v))
            {
                problems.Add($"undeclared id '{idRef}'");
                continue;
            }

            bool ok = value[0] switch
            {
                'r' or 'R' => v.Type == "real" && double.TryParse(value.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                'b' or 'B' => v.Type != "real" && value.Length - 1 <= v.Size && value[1..].All(ch => ch is '0' or '1' or 'x' or 'X' or 'z' or 'Z'),
                _ => v.Size == 1 && value[0] is '0' or '1' or 'x' or 'X' or 'z' or 'Z',
            };
            if (!ok)
            {
                problems.Add($"bad value '{value}' for {v.Reference} ({v.Type} {v.Size})");
            }

            changes.Add(new Change(Math.Max(time, 0), v.Reference, value));
        }

        return (problems, changes);
    }

    private static int SkipToEnd(string[] tokens, int i, string section, List<string> problems)
    {
        while (i < tokens.Length && tokens[i] != "$end")
        {
            i++;
        }

        if (i == tokens.Length)
        {
            problems.Add($"{section} not closed by $end");
        }

        return i + 1;
    }
}
