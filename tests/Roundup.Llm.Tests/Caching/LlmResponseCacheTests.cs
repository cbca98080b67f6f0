using Roundup.Llm.Caching;
using Roundup.Testing;

namespace Roundup.Llm.Tests.Caching;

public sealed class LlmResponseCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Put_then_get_round_trips_and_leaves_no_temporary_files()
    {
        var cache = new LlmResponseCache(_temp.Path);
        var key = LlmResponseCache.Key(["model", "stage", "2506.00001"]);
        CachedScore[] scores = [new("2506.00001", 7, "good")];

        cache.Put(key, scores);
        cache.Put(key, scores);

        Assert.Equal(scores, cache.TryGet(key));
        Assert.Single(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Absent_corrupt_and_out_of_range_entries_are_misses()
    {
        var cache = new LlmResponseCache(_temp.Path);
        var key = LlmResponseCache.Key(["a"]);
        Assert.Null(cache.TryGet(key));

        cache.Put(key, [new CachedScore("2506.00001", 7, "good")]);
        var file = Assert.Single(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
        File.WriteAllText(file, "not json");
        Assert.Null(cache.TryGet(key));

        File.WriteAllText(file, "{\"version\":1,\"scores\":[{\"id\":\"2506.00001\",\"score\":42,\"reason\":\"x\"}]}");
        Assert.Null(cache.TryGet(key));
    }

    [Fact]
    public void Keys_differ_when_parts_are_split_differently()
    {
        Assert.NotEqual(LlmResponseCache.Key(["ab", "c"]), LlmResponseCache.Key(["a", "bc"]));
        Assert.Equal(LlmResponseCache.Key(["a", "b"]), LlmResponseCache.Key(["a", "b"]));
    }
}
