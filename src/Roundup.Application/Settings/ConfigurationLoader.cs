using System.Globalization;
using Microsoft.Extensions.Configuration;
using Roundup.Papers;

namespace Roundup.Application.Settings;

/// <summary>
/// Reads <c>roundup.json</c> (or <c>--config FILE</c>, or <c>ROUNDUP_CONFIG</c>) and <c>ROUNDUP_*</c> environment
/// variables (<c>ROUNDUP_Store__Path</c> sets <c>Store:Path</c>), binds them, and validates the result, reporting
/// every error at once.
/// </summary>
public static class ConfigurationLoader
{
    public const string DefaultFile = "roundup.json";
    public const string EnvironmentPrefix = "ROUNDUP_";

    /// <summary>
    /// Loads and validates the options; <paramref name="overrides"/> (configuration keys such as
    /// <c>Selection:FullText:Offline</c>, set by a front end's own arguments) win over the file and the environment.
    /// </summary>
    public static (RoundupOptions Options, IReadOnlyList<string> Errors, string? File) Load(string? configPath, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var errors = new List<string>();
        var explicitPath = configPath ?? Environment.GetEnvironmentVariable(EnvironmentPrefix + "CONFIG");
        var file = Path.GetFullPath(explicitPath ?? DefaultFile);
        if (explicitPath is not null && !File.Exists(file))
        {
            return (new RoundupOptions(), [$"the configuration file {file} does not exist"], null);
        }

        var options = new RoundupOptions();
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(file, optional: true, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides ?? [])
                .Build();
            configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidDataException e)
        {
            errors.Add($"{file}: not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }
        catch (FormatException e)
        {
            errors.Add($"{file}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"configuration ({file} or {EnvironmentPrefix}* variables): {e.Message}{(e.InnerException is null ? "" : " " + e.InnerException.Message)}");
        }

        if (errors.Count == 0)
        {
            errors.AddRange(Validate(options));
        }

        return (options, errors, File.Exists(file) ? file : null);
    }

    public static IEnumerable<string> Validate(RoundupOptions options)
    {
        foreach (var error in options.Store.Validate())
        {
            yield return error;
        }

        foreach (var source in options.Harvest.Sources)
        {
            if (SourceSpec.Validate(source) is { } error)
            {
                yield return $"Harvest:Sources: {error}";
            }
        }

        foreach (var category in options.Harvest.Categories.Where(c => !ArxivCategories.IsValid(c)))
        {
            yield return $"Harvest:Categories: '{category}' is not an arXiv category such as cs.LG";
        }

        foreach (var holiday in options.Calendar.Holidays.Where(h => !DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            yield return $"Calendar:Holidays: '{holiday}' is not a yyyy-MM-dd date";
        }

        foreach (var error in options.Selection.Validate())
        {
            yield return error;
        }

        foreach (var error in options.Writing.Validate().Concat(options.Publish.Validate()).Concat(options.Mail.Validate()).Concat(options.Serve.Validate()).Concat(options.Workers.Validate()))
        {
            yield return error;
        }

        if (options.Writing.UsesLlm || options.Selection.EffectiveStages.Any(s => s.Scorers.ContainsKey("llm")))
        {
            foreach (var error in options.Llm.Validate())
            {
                yield return error;
            }
        }

        foreach (var error in options.Arxiv.Http.Validate())
        {
            yield return $"Arxiv:Http: {error}";
        }
    }
}
