namespace Roundup.FullText;

/// <summary>A file that cannot be read as a paper: empty, encrypted, not what it claims to be, or over a limit.</summary>
public sealed class FullTextException : Exception
{
    public FullTextException(string file, string problem)
        : base($"{file}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    public FullTextException(string file, string problem, Exception inner)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file (or archive entry) at fault.</summary>
    public string File { get; }

    /// <summary>What is wrong with it, in words.</summary>
    public string Problem { get; }
}
