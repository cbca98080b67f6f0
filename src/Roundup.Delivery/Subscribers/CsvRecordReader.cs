namespace Roundup.Delivery.Subscribers;

/// <summary>
/// Splits CSV text into records by RFC 4180 quoting, checked strictly, so that a stray quote costs its own line only.
/// </summary>
/// <remarks>
/// Sep reads malformed quoting without complaint by design (its README's unescaping table): any quote toggles its
/// quoted state, so one stray quote makes every later line part of one field, and the rows after it vanish into a
/// single refused row. Sep still does the parsing; this only decides where each record ends and refuses, by line, a
/// record whose quotes are not RFC 4180's: a quote inside a field that does not start with one, text after a closing
/// quote, or a quoted field not closed within <see cref="MaxLinesPerRecord"/> lines. Such a line is refused alone and
/// reading goes on with the next one. Blank lines are not records.
/// </remarks>
public static class CsvRecordReader
{
    /// <summary>How many lines a quoted field may span before its opening quote is taken for a stray one.</summary>
    public const int MaxLinesPerRecord = 10;

    public static IEnumerable<CsvRecord> Read(TextReader text)
    {
        var lines = new List<string>();
        var number = 1;
        while (Fill(text, lines, 1))
        {
            if (string.IsNullOrWhiteSpace(lines[0]))
            {
                Consume(lines, 1, ref number);
                continue;
            }

            var record = lines[0];
            var used = 1;
            var (open, problem) = CheckQuotes(record);
            while (open && used < MaxLinesPerRecord && Fill(text, lines, used + 1))
            {
                record += "\n" + lines[used++];
                (open, problem) = CheckQuotes(record);
            }

            if (!open && problem is null)
            {
                yield return new CsvRecord(number, number + used - 1, record, null);
                Consume(lines, used, ref number);
                continue;
            }

            if (used > 1 || open)
            {
                problem = $"a quote opens a field that is not closed properly within {MaxLinesPerRecord} lines; a quoted field ends with a quote followed by a comma or the end of the line";
            }

            yield return new CsvRecord(number, number, lines[0], problem);
            Consume(lines, 1, ref number);
        }
    }

    /// <summary>
    /// Whether <paramref name="record"/> ends inside a quoted field (more lines belong to it), or why its quoting is
    /// not RFC 4180's (null when it is). Spaces around a quoted field are allowed, as Sep trims them.
    /// </summary>
    public static (bool Open, string? Problem) CheckQuotes(string record)
    {
        var i = 0;
        for (var field = 1; ; field++)
        {
            while (i < record.Length && record[i] == ' ')
            {
                i++;
            }

            if (i < record.Length && record[i] == '"')
            {
                i++;
                while (true)
                {
                    var quote = record.IndexOf('"', i);
                    if (quote < 0)
                    {
                        return (true, null);
                    }

                    i = quote + 1;
                    if (i < record.Length && record[i] == '"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                while (i < record.Length && record[i] == ' ')
                {
                    i++;
                }

                if (i == record.Length)
                {
                    return (false, null);
                }

                if (record[i] != ',')
                {
                    return (false, $"field {field}: text after the closing quote of a quoted field; inside quotes a quote is written twice (\"\")");
                }

                i++;
                continue;
            }

            var comma = record.IndexOf(',', i);
            var end = comma < 0 ? record.Length : comma;
            if (record.AsSpan(i, end - i).Contains('"'))
            {
                return (false, $"field {field}: a quote inside a field that does not start with one; quote the whole field and write the quote twice (\"a\"\"b\")");
            }

            if (comma < 0)
            {
                return (false, null);
            }

            i = comma + 1;
        }
    }

    private static bool Fill(TextReader text, List<string> lines, int count)
    {
        while (lines.Count < count)
        {
            if (text.ReadLine() is not { } line)
            {
                return false;
            }

            lines.Add(line);
        }

        return true;
    }

    private static void Consume(List<string> lines, int count, ref int number)
    {
        lines.RemoveRange(0, count);
        number += count;
    }
}
