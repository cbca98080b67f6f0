using nietras.SeparatedValues;
using Roundup.Delivery.Addresses;

namespace Roundup.Delivery.Subscribers;

/// <summary>
/// Reads subscribers from CSV with the header <c>email,name</c> (name optional; quoted fields allowed). Every bad row
/// is reported with its line number and the others are kept; a file without the header is rejected whole.
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
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).From(text);
        var (emailColumn, nameColumn) = Header(reader.Header, source);
        var columns = reader.Header.ColNames.Count;
        var problems = new List<CsvProblem>();
        var byAddress = new Dictionary<string, SubscriberImport>(StringComparer.Ordinal);
        var order = new List<string>();
        var duplicates = 0;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

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

        return new SubscriberFile(order.Select(k => byAddress[k]).ToList(), problems, duplicates);
    }

    private static (int Email, int? Name) Header(SepReaderHeader header, string source)
    {
        var names = header.ColNames.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var email = names.IndexOf("email");
        var name = names.IndexOf("name");
        if (email < 0 || names.Count > (name < 0 ? 1 : 2) || names.Distinct().Count() != names.Count)
        {
            throw new FormatException($"{source}: line 1: the header must be 'email,name' (found '{string.Join(",", header.ColNames)}')");
        }

        return (email, name < 0 ? null : name);
    }
}
