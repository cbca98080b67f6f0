using System.Text;
using LLama;
using Microsoft.Extensions.AI;

namespace Roundup.Llm.Providers;

/// <summary>
/// Turns chat messages into the text a local model continues: through the model's own chat template when it has
/// one that llama.cpp knows, otherwise as a plain "System:/User:/Assistant:" transcript that stops at the next turn.
/// </summary>
internal sealed class LlamaSharpPrompt
{
    private const string TemplateKey = "tokenizer.chat_template";

    private static readonly string[] TranscriptStops = ["\nUser:", "\nSystem:", "\nAssistant:"];

    private readonly LLamaWeights _weights;

    private LlamaSharpPrompt(LLamaWeights weights, bool usesTemplate)
    {
        _weights = weights;
        UsesTemplate = usesTemplate;
    }

    /// <summary>Whether the model's chat template is used (otherwise the plain transcript).</summary>
    public bool UsesTemplate { get; }

    /// <summary>Where the answer ends: the next turn of the transcript; nothing when the template's end token does it.</summary>
    public IReadOnlyList<string> Stops => UsesTemplate ? [] : TranscriptStops;

    public static LlamaSharpPrompt For(LLamaWeights weights)
    {
        if (!weights.Metadata.ContainsKey(TemplateKey))
        {
            return new LlamaSharpPrompt(weights, usesTemplate: false);
        }

        var prompt = new LlamaSharpPrompt(weights, usesTemplate: true);
        try
        {
            // llama.cpp recognises a fixed list of templates; a model with another one gets the transcript.
            _ = prompt.Render([new ChatMessage(ChatRole.User, "probe")]);
            return prompt;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or LLama.Exceptions.RuntimeError)
        {
            return new LlamaSharpPrompt(weights, usesTemplate: false);
        }
    }

    public string Render(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return UsesTemplate ? Template(messages) : Transcript(messages);
    }

    private static string RoleOf(ChatMessage message) =>
        message.Role == ChatRole.System ? "system" : message.Role == ChatRole.Assistant ? "assistant" : "user";

    private static string Transcript(IEnumerable<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            var role = RoleOf(message);
            text.Append(char.ToUpperInvariant(role[0])).Append(role.AsSpan(1)).Append(": ").Append(message.Text.Trim()).Append("\n\n");
        }

        return text.Append("Assistant:").ToString();
    }

    private string Template(IEnumerable<ChatMessage> messages)
    {
        var template = new LLamaTemplate(_weights, strict: true) { AddAssistant = true };
        foreach (var message in messages)
        {
            template.Add(RoleOf(message), message.Text);
        }

        return Encoding.UTF8.GetString(template.Apply());
    }
}
