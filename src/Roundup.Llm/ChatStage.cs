namespace Roundup.Llm;

/// <summary>What an LLM scorer reads: the title only, or the title and abstract.</summary>
public enum ChatStage
{
    Title,
    Abstract,
}
