using Roundup.Testing;

namespace Roundup.Publishing.Tests;

/// <summary>
/// Golden files under tests/Roundup.Publishing.Tests/Golden/. Set ROUNDUP_UPDATE_GOLDEN=1 to rewrite them from the
/// current output (then review the diff); otherwise a mismatch fails naming the first differing line.
/// </summary>
public static class Golden
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot(), "tests", "Roundup.Publishing.Tests", "Golden");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("ROUNDUP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with ROUNDUP_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                Assert.Fail($"{name} differs from {path} at line {i + 1}:\n expected: {e}\n actual:   {a}\n(ROUNDUP_UPDATE_GOLDEN=1 rewrites the golden files)");
            }
        }

        Assert.Fail($"{name} differs from {path} only in line endings");
    }
}
