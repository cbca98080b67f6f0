using System.Globalization;
using Roundup.Papers;
using Roundup.Profiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Roundup.Application.Profiles;

/// <summary>
/// The curator's <c>profile.yaml</c>: read with every error reported at once, each with its line, so a curator fixes
/// the file in one pass.
/// </summary>
public static class ProfileFile
{
    public const string DefaultPath = "profile.yaml";

    private static readonly string[] Keys = ["name", "criteria", "favoured_topics", "disfavoured_topics", "exemplars", "followed_authors", "categories", "picks"];

    public static (CuratorProfile? Profile, IReadOnlyList<string> Errors) Read(string path)
    {
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : (null, [$"{path}: no such file (roundup init writes one)"]);
    }

    /// <summary>Reads profile text; <paramref name="path"/> names it in errors.</summary>
    public static (CuratorProfile? Profile, IReadOnlyList<string> Errors) Parse(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return (null, [$"{path}:{e.Start.Line}: {e.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [$"{path}:1: the profile must be a mapping of keys such as criteria: and categories:"]);
        }

        var errors = new List<string>();
        var profile = new CuratorProfile();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var at = $"{path}:{keyNode.Start.Line}";
            switch (key)
            {
                case "name":
                    profile = profile with { Name = Scalar(value, at, errors) ?? profile.Name };
                    break;
                case "criteria":
                    profile = profile with { Criteria = List(value, at, errors) };
                    break;
                case "favoured_topics":
                    profile = profile with { FavouredTopics = List(value, at, errors) };
                    break;
                case "disfavoured_topics":
                    profile = profile with { DisfavouredTopics = List(value, at, errors) };
                    break;
                case "followed_authors":
                    profile = profile with { FollowedAuthors = List(value, at, errors) };
                    break;
                case "exemplars":
                    profile = profile with { Exemplars = Items(value, at, errors).Select(i => ParseId(i, path, errors)).OfType<ArxivId>().ToList() };
                    break;
                case "categories":
                    var categories = Items(value, at, errors).ToList();
                    foreach (var (text, line) in categories.Where(c => !ArxivCategories.IsValid(c.Text)))
                    {
                        errors.Add($"{path}:{line}: '{text}' is not an arXiv category such as cs.LG");
                    }

                    profile = profile with { Categories = categories.Select(c => c.Text).Where(ArxivCategories.IsValid).ToList() };
                    break;
                case "picks":
                    var picks = Scalar(value, at, errors);
                    if (!int.TryParse(picks, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 50)
                    {
                        errors.Add($"{path}:{value.Start.Line}: picks must be a whole number from 1 to 50, not '{picks}'");
                    }
                    else
                    {
                        profile = profile with { Picks = n };
                    }

                    break;
                default:
                    errors.Add($"{at}: unknown key '{key}' (known: {string.Join(", ", Keys)})");
                    break;
            }
        }

        if (profile.Criteria.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{path}:1: criteria: must list at least one criterion");
        }

        return (errors.Count == 0 ? profile : null, errors);
    }

    private static ArxivId? ParseId((string Text, long Line) item, string path, List<string> errors)
    {
        if (ArxivId.TryParse(item.Text, out var id, out var error))
        {
            return id.WithoutVersion();
        }

        errors.Add($"{path}:{item.Line}: exemplar {error}");
        return null;
    }

    private static string? Scalar(YamlNode node, string at, List<string> errors)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        errors.Add($"{at}: expected a single value");
        return null;
    }

    private static List<string> List(YamlNode node, string at, List<string> errors) => Items(node, at, errors).Select(i => i.Text).ToList();

    private static List<(string Text, long Line)> Items(YamlNode node, string at, List<string> errors)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add($"{at}: expected a list (lines starting with '- ')");
            return [];
        }

        var items = new List<(string Text, long Line)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add((text.Trim(), item.Start.Line));
            }
            else
            {
                errors.Add($"{at.Split(':')[0]}:{item.Start.Line}: expected a line of text");
            }
        }

        return items;
    }
}
