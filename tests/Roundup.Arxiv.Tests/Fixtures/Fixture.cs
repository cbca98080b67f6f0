using Roundup.Testing;

namespace Roundup.Arxiv.Tests.Fixtures;

/// <summary>The fixtures written for these tests, read from the source tree (no copy to the output folder needed).</summary>
public static class Fixture
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(SharedData.RepositoryRoot(), "tests", "Roundup.Arxiv.Tests", "Fixtures", relativePath));

    /// <summary>A real payload under ../shared/data/arxiv/protocol; skips when the shared data is absent.</summary>
    public static string Protocol(string relativePath) =>
        File.ReadAllText(SharedData.Require(Path.Combine("arxiv", "protocol", relativePath)));

    public static string ProtocolPath(string relativePath) => SharedData.Require(Path.Combine("arxiv", "protocol", relativePath));
}
