using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Roundup.Storage.Migrations;

/// <summary>The ordered migrations of one SQL dialect, embedded in this assembly.</summary>
public static partial class MigrationSet
{
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(MigrationSet).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{dialect}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var m = FileName().Match(file);
            if (!m.Success)
            {
                throw new InvalidOperationException($"migration {resource} is not named NNN_name.sql");
            }

            migrations.Add(new Migration(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{dialect} migrations must be numbered 1, 2, 3…; found {migrations[i].Version} at position {i + 1}");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{3})_(\w+)\.sql$")]
    private static partial Regex FileName();
}
