using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

public sealed class ProviderOptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_unknown_provider_lists_the_known_ones()
    {
        var options = new LlmOptions { Provider = "gemini", Model = "m", ApiKey = "k" };

        var error = Assert.Single(options.Validate());

        Assert.Equal("Llm:Provider = 'gemini' must be one of openai, ollama, anthropic, llamasharp", error);
    }

    [Theory]
    [InlineData("openai", "https://api.openai.com/v1")]
    [InlineData("ollama", "http://localhost:11434")]
    [InlineData("Anthropic", "https://api.anthropic.com")]
    public void Each_provider_has_its_usual_endpoint_by_default(string provider, string endpoint)
    {
        var options = new LlmOptions { Provider = provider, Model = "m", ApiKey = "k" };

        Assert.Equal(endpoint, options.Endpoint);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Ollama_needs_no_key_even_far_away()
    {
        var options = new LlmOptions { Provider = "ollama", Endpoint = "https://gpu-box.example.org:11434", Model = "qwen2.5:7b" };

        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", "OpenAI-compatible path")]
    [InlineData("http://localhost:11434/api", "without /api")]
    [InlineData("localhost:11434", "absolute http(s) URL")]
    [InlineData("http://localhost:11434/?x=1", "must not have a query")]
    public void A_bad_ollama_endpoint_is_named_with_the_fix(string endpoint, string hint)
    {
        var options = new LlmOptions { Provider = "ollama", Endpoint = endpoint, Model = "m" };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("Llm:Endpoint", error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ollama_without_a_model_names_an_ollama_model()
    {
        var error = Assert.Single(new LlmOptions { Provider = "ollama" }.Validate());

        Assert.Equal("Llm:Model = '' is missing: name the model, e.g. llama3.1:8b", error);
    }

    [Fact]
    public void Anthropic_needs_a_key_even_on_loopback()
    {
        var options = new LlmOptions { Provider = "anthropic", Endpoint = "http://127.0.0.1:9", Model = "claude-test" };

        Assert.Equal(["Llm:ApiKey is missing: the Anthropic API needs one"], options.Validate());
    }

    [Fact]
    public void An_anthropic_endpoint_ending_in_v1_is_refused()
    {
        var options = new LlmOptions { Provider = "anthropic", Endpoint = "https://api.anthropic.com/v1", Model = "claude-test", ApiKey = "k" };

        var error = Assert.Single(options.Validate());

        Assert.Equal("Llm:Endpoint 'https://api.anthropic.com/v1' must not end in /v1 (the client adds it), e.g. https://api.anthropic.com", error);
    }

    [Fact]
    public void Llamasharp_needs_a_model_path()
    {
        var error = Assert.Single(new LlmOptions { Provider = "llamasharp" }.Validate());

        Assert.Equal("Llm:ModelPath is missing: give the path of a .gguf model file", error);
    }

    [Fact]
    public void Llamasharp_names_a_missing_file()
    {
        var path = _temp.File("absent.gguf");

        var error = Assert.Single(new LlmOptions { Provider = "llamasharp", ModelPath = path }.Validate());

        Assert.StartsWith($"Llm:ModelPath = '{path}' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Llamasharp_names_a_file_that_is_not_gguf()
    {
        var path = _temp.File("model.bin");
        File.WriteAllText(path, "{\"not\": \"a model\"}");

        var error = Assert.Single(new LlmOptions { Provider = "llamasharp", ModelPath = path }.Validate());

        Assert.Equal($"Llm:ModelPath = '{path}' is not a GGUF file (it does not start with 'GGUF')", error);
    }

    [Fact]
    public void Llamasharp_checks_the_context_size_and_names_the_model_after_its_file()
    {
        var path = _temp.File("qwen2.5-0.5b-instruct-q4_k_m.gguf");
        TinyGguf.Write(path);
        var options = new LlmOptions { Provider = "llamasharp", ModelPath = path, ContextSize = 16, Endpoint = "not a url" };

        Assert.Equal(["Llm:ContextSize = '16' must be 128 to 1048576"], options.Validate());
        Assert.Equal("qwen2.5-0.5b-instruct-q4_k_m", options.Model);
        options.Model = "qwen-small";
        Assert.Equal("qwen-small", options.Model);
    }

    [Fact]
    public void The_output_limit_must_be_positive()
    {
        var options = new LlmOptions { Provider = "anthropic", Model = "claude-test", ApiKey = "k", MaxOutputTokens = 0 };

        Assert.Equal(["Llm:MaxOutputTokens = '0' must be 1 or more"], options.Validate());
    }

    [Theory]
    [InlineData("ollama", "")]
    [InlineData("anthropic", "sk-ant-secret")]
    [InlineData("llamasharp", "")]
    public void No_provider_prints_the_key(string provider, string key)
    {
        var options = new LlmOptions { Provider = provider, Model = "m", ApiKey = key, ModelPath = "models/m.gguf" };

        var text = options.ToString();

        Assert.StartsWith(provider, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains(provider == "llamasharp" ? "models/m.gguf" : options.Endpoint, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    [InlineData("anthropic")]
    public void Every_network_provider_is_wrapped_with_the_timeout(string provider)
    {
        var options = new LlmOptions { Provider = provider, Endpoint = provider == "openai" ? "http://127.0.0.1:9/v1" : "http://127.0.0.1:9", Model = "m", ApiKey = "k", TimeoutSeconds = 7 };

        using var client = ChatClientFactory.Create(options);

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<Roundup.Llm.Resilience.ResilientChatClient>(client).Timeout);
    }
}
