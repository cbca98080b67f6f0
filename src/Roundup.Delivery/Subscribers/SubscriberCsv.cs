using nietras.SeparatedValues;
using Roundup.Delivery.Addresses;

namespace Roundup.Delivery.Subscribers;

/// <summary>
/// Reads subscribers from CSV with the header <c>email,name</c> (name optional; quoted fields allowed). Every row is
/// accounted for: a subscriber, a duplicate merged into an earlier row, or a problem naming its line; a malformed row
/// costs only itself (<see cref="CsvRecordReader"/>). A file without the header is rejected whole.
/// </summary>
public static class SubscriberCsv
{
    public const int MaxNameLength = 200;

    public static SubscriberFile ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static SubscriberFile Read(TextReader text, string source)
    {
        var records = CsvRecordReader.Read(text).ToList();
        if (records.Count == 0 || records[0].Problem is not null)
        {
            var found = records.Count == 0 ? "" : records[0].Text;
            throw new FormatException($"{source}: line {(records.Count == 0 ? 1 : records[0].FirstLine)}: the header must be 'email,name' (found '{found}'){(records.Count > 0 ? $": {records[0].Problem}" : "")}");
        }

        var rows = records.Skip(1).ToList();
        var problems = rows.Where(r => r.Problem is not null).Select(r => new CsvProblem(r.FirstLine, r.Problem!)).ToList();

        // Only records whose quoting is sound reach Sep, one per row, so its rows and these match in order.
        var sound = rows.Where(r => r.Problem is null).ToList();
        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true })
            .FromText(string.Join('\n', records.Take(1).Concat(sound).Select(r => r.Text)));
        var (emailColumn, nameColumn) = Header(reader.Header, source, records[0].FirstLine);
        var columns = reader.Header.ColNames.Count;
        var byAddress = new Dictionary<string, SubscriberImport>(StringComparer.Ordinal);
        var order = new List<string>();
        var duplicates = 0;
        var index = 0;
        foreach (var row in reader)
        {
            var line = index < sound.Count ? sound[index++].FirstLine : throw new InvalidOperationException($"{source}: the CSV reader found more rows than the file has records");
            if (row.ColCount != columns)
            {
                problems.Add(new CsvProblem(line, $"{row.ColCount} fields where the header has {columns}"));
                continue;
            }

            var email = row[emailColumn].ToString();
            var name = nameColumn is { } n ? row[n].ToString() : null;
            if (EmailAddress.Problem(email) is { } emailProblem)
            {
                problems.Add(new CsvProblem(line, emailProblem));
                continue;
            }

            if (HeaderText.Problem(name, "name") is { } nameProblem)
            {
                problems.Add(new CsvProblem(line, nameProblem));
                continue;
            }

            if (name?.Length > MaxNameLength)
            {
                problems.Add(new CsvProblem(line, $"the name is longer than {MaxNameLength} characters"));
                continue;
            }

            var key = AddressKey.Normalize(email);
            var subscriber = new SubscriberImport(email.Trim(), string.IsNullOrWhiteSpace(name) ? null : name, line);
            if (byAddress.TryGetValue(key, out var earlier))
            {
                duplicates++;
                byAddress[key] = earlier with { Name = subscriber.Name ?? earlier.Name };
            }
            else
            {
                byAddress[key] = subscriber;
                order.Add(key);
            }
        }

        if (index != sound.Count || order.Count + duplicates + problems.Count != rows.Count)
        {
            throw new InvalidOperationException($"{source}: {rows.Count} rows read but {order.Count} subscribers, {duplicates} duplicates and {problems.Count} problems counted");
        }

        return new SubscriberFile(order.Select(k => byAddress[k]).ToList(), problems.OrderBy(p => p.Line).ToList(), duplicates) { Rows = rows.Count };
    }

    private static (int Email, int? Name) Header(SepReaderHeader header, string source, int line)
    {
        var names = header.ColNames.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var email = names.IndexOf("email");
        var name = names.IndexOf("name");
        if (email < 0 || names.Count > (name < 0 ? 1 : 2) || names.Distinct().Count() != names.Count)
        {
            throw new FormatException($"{source}: line {line}: the header must be 'email,name' (found '{string.Join(",", header.ColNames)}')");
        }

        return (email, name < 0 ? null : name);
    }
}
