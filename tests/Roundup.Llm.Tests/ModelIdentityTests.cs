using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests;

public sealed class ModelIdentityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_default_configuration_is_named_by_its_model_alone_and_other_providers_add_their_name()
    {
        var openAi = ModelIdentity.Of(new LlmOptions { Model = "gpt-4o-mini" });
        var ollama = ModelIdentity.Of(new LlmOptions { Provider = "Ollama", Endpoint = "http://localhost:11434/", Model = "llama3.1:8b" });

        Assert.Equal("gpt-4o-mini", openAi.Label);
        Assert.Empty(openAi.Settings);
        Assert.Equal("llama3.1:8b@ollama", ollama.Label);
        Assert.Empty(ollama.Settings);
    }

    public static TheoryData<string, string> AnswerChanging => new()
    {
        { "openai", "Endpoint" },
        { "ollama", "Endpoint" },
        { "anthropic", "Endpoint" },
        { "anthropic", "MaxOutputTokens" },
        { "llamasharp", "MaxOutputTokens" },
        { "llamasharp", "ContextSize" },
        { "llamasharp", "ModelFile" },
    };

    [Theory]
    [MemberData(nameof(AnswerChanging))]
    public void An_answer_changing_setting_changes_the_label(string provider, string setting)
    {
        var before = Options(provider);
        var after = Options(provider);
        switch (setting)
        {
            case "Endpoint":
                after.Endpoint = provider == "openai" ? "http://10.0.0.2:8000/v1" : "http://10.0.0.2:8000";
                break;
            case "MaxOutputTokens":
                after.MaxOutputTokens = 300;
                break;
            case "ContextSize":
                after.ContextSize = 8192;
                break;
            default:
                // Another model written over the same file name.
                var identity = ModelIdentity.Of(before);
                TinyGguf.Write(before.ModelPath, seed: 2);
                Assert.NotEqual(identity.Label, ModelIdentity.Of(after).Label);
                return;
        }

        var changed = ModelIdentity.Of(after);
        Assert.NotEqual(ModelIdentity.Of(before).Label, changed.Label);
        Assert.Contains(changed.Settings, s => s.StartsWith(setting + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    [InlineData("anthropic")]
    [InlineData("llamasharp")]
    public void Settings_that_do_not_change_answers_leave_the_label_alone(string provider)
    {
        var before = ModelIdentity.Of(Options(provider));
        var options = Options(provider);
        options.ApiKey = "another-secret";
        options.TimeoutSeconds = 300;
        options.MaxRetries = 7;
        options.InputPricePerMillion = 3m;
        options.OutputPricePerMillion = 15m;
        options.CacheDirectory = "elsewhere";
        if (provider is "openai" or "ollama")
        {
            options.MaxOutputTokens = 300;     // only the Anthropic client and llama.cpp use it
            options.ContextSize = 8192;
        }

        var after = ModelIdentity.Of(options);

        Assert.Equal(before.Label, after.Label);
        Assert.DoesNotContain(after.Settings, s => s.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_model_file_copied_elsewhere_is_the_same_model()
    {
        var options = Options("llamasharp");
        var copy = _temp.File("copy.gguf");
        File.Copy(options.ModelPath, copy);

        var original = ModelIdentity.Of(options);
        options.ModelPath = copy;
        options.Model = "tiny";

        Assert.Equal(original.Label, ModelIdentity.Of(options).Label);
    }

    [Fact]
    public void An_unreadable_model_file_is_named_with_its_setting()
    {
        var options = Options("llamasharp");
        options.ModelPath = _temp.File("missing.gguf");

        var error = Assert.Throws<InvalidOperationException>(() => ModelIdentity.Of(options));

        Assert.StartsWith($"Llm:ModelPath = '{options.ModelPath}' cannot be read", error.Message, StringComparison.Ordinal);
    }

    private LlmOptions Options(string provider)
    {
        var options = new LlmOptions { Provider = provider, Model = "tiny", ApiKey = "k" };
        if (provider == "llamasharp")
        {
            options.ModelPath = _temp.File("tiny.gguf");
            if (!File.Exists(options.ModelPath))
            {
                TinyGguf.Write(options.ModelPath);
            }
        }

        return options;
    }
}
