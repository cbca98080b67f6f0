namespace Roundup.Llm;

/// <summary>How many papers go into one request, per stage: titles are short, abstracts are not.</summary>
public sealed class LlmBatchSizes
{
    public int Title { get; set; } = 20;

    public int Abstract { get; set; } = 5;

    public int Evidence { get; set; } = 3;

    public int For(ChatStage stage) => stage switch
    {
        ChatStage.Title => Title,
        ChatStage.Evidence => Evidence,
        _ => Abstract,
    };
}
