namespace Roundup.Llm;

/// <summary>What an LLM scorer reads: the title only, the title and abstract, or the title and a digest of the full text.</summary>
public enum ChatStage
{
    Title,
    Abstract,
    Evidence,
}
