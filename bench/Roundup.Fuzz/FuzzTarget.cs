namespace Roundup.Fuzz;

/// <summary>
/// One reader under the fuzzer: it gets the fuzzer's bytes and must either read them or refuse them with one of the
/// exceptions it documents; any other exception, a hang or a crash is a finding.
/// </summary>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Read, IReadOnlyList<Type> Refusals)
{
    public void Run(byte[] input)
    {
        try
        {
            Read(input);
        }
        catch (Exception e) when (Refusals.Any(r => r.IsInstanceOfType(e)))
        {
            // A clear refusal of bad input is what the reader promises.
        }
    }
}
