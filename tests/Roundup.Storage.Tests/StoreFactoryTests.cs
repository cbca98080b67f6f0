using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

/// <summary>The one place that knows the providers: options checked, the named provider opened.</summary>
public sealed class StoreFactoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_defaults_name_the_embedded_sqlite_file_and_are_valid()
    {
        var options = new StoreOptions();
        Assert.Equal(("sqlite", "roundup.db"), (options.Provider, options.Path));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public async Task An_unknown_provider_is_a_configuration_error_naming_it_and_the_known_ones()
    {
        var options = new StoreOptions { Provider = "oracle", Path = _dir.File("x.db") };

        var error = Assert.Single(options.Validate());
        Assert.Equal("Store:Provider 'oracle' is not known (known: sqlite, postgres)", error);
        var refused = await Assert.ThrowsAsync<StoreException>(() => StoreFactory.OpenAsync(options, TimeProvider.System));
        Assert.Contains(error, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(options.Path));
    }

    [Fact]
    public void An_empty_path_is_a_configuration_error()
    {
        Assert.Equal(["Store:Path must name the SQLite file"], new StoreOptions { Path = " " }.Validate());
    }

    [Fact]
    public async Task The_sqlite_provider_whatever_its_case_opens_the_file_at_the_path()
    {
        var path = _dir.File("roundup.db");
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { Provider = "SQLite", Path = path }, TimeProvider.System);

        Assert.Equal(path, Assert.IsType<SqliteStore>(store).Path);
        Assert.True(File.Exists(path));
        Assert.Equal(0, await store.Papers.CountPapersAsync());
    }
}
