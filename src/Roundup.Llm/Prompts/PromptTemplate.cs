using System.Security.Cryptography;
using System.Text;
using Roundup.Profiles;

namespace Roundup.Llm.Prompts;

/// <summary>A prompt file: its text with <c>{{placeholders}}</c>, where it came from, and a hash of the text.</summary>
public sealed record PromptTemplate(string Name, string Text, string Source)
{
    /// <summary>SHA-256 of the text, lower-case hex: changes whenever the prompt does.</summary>
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    /// <summary>True when the curator's folder replaced the built-in prompt.</summary>
    public bool IsOverride => !Source.StartsWith(PromptLibrary.EmbeddedSource, StringComparison.Ordinal);

    /// <summary>The text with <c>{{name}}</c>, <c>{{criteria}}</c>, <c>{{favoured}}</c> and <c>{{disfavoured}}</c> filled from the profile.</summary>
    public string Render(CuratorProfile profile) => Text
        .Replace("{{name}}", profile.Name, StringComparison.Ordinal)
        .Replace("{{criteria}}", Bullets(profile.Criteria), StringComparison.Ordinal)
        .Replace("{{favoured}}", Bullets(profile.FavouredTopics), StringComparison.Ordinal)
        .Replace("{{disfavoured}}", Bullets(profile.DisfavouredTopics), StringComparison.Ordinal);

    private static string Bullets(IReadOnlyList<string> items)
    {
        var lines = items.Select(i => i.Trim()).Where(i => i.Length > 0).Select(i => "- " + i).ToList();
        return lines.Count == 0 ? "- (none given)" : string.Join('\n', lines);
    }
}
