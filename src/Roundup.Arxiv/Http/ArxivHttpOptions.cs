using System.Globalization;

namespace Roundup.Arxiv.Http;

/// <summary>How Roundup talks to arXiv; bound from the configuration section <c>Arxiv:Http</c>.</summary>
public sealed class ArxivHttpOptions
{
    public const string SectionName = "Arxiv:Http";

    /// <summary>arXiv's rule: one request every 3 seconds. No configuration goes below it for arXiv hosts.</summary>
    public static readonly TimeSpan ArxivMinimumSpacing = TimeSpan.FromSeconds(3);

    /// <summary>An e-mail address or a URL, sent in the User-Agent so arXiv can reach whoever runs the harvest.</summary>
    public string? Contact { get; set; }

    /// <summary>When true, <see cref="Validate"/> insists on a usable <see cref="Contact"/>; without one the User-Agent names no contact.</summary>
    public bool RequireContact { get; set; }

    /// <summary>Seconds between the starts of two requests; arXiv hosts never get less than 3.</summary>
    public double MinIntervalSeconds { get; set; } = 3;

    /// <summary>Retries after the first attempt, for 429, 5xx gateway answers, connection failures and time-outs.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first backoff when the server gives no Retry-After; doubled on each retry, with jitter.</summary>
    public double BackoffBaseSeconds { get; set; } = 10;

    /// <summary>No backoff, Retry-After included, is longer than this.</summary>
    public double BackoffMaxSeconds { get; set; } = 600;

    /// <summary>Time allowed for one attempt, headers and body together.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    public long MaxResponseBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Folder of the on-disk response cache, relative to the working directory; null or empty disables it.</summary>
    public string? CacheDirectory { get; set; } = Path.Combine(".roundup", "cache", "http");

    /// <summary>A cached answer younger than this is used without asking; an older one is revalidated or fetched again.</summary>
    public double CacheHours { get; set; } = 20;

    /// <summary>The spacing enforced before a request to <paramref name="url"/>: never under 3 s for arXiv hosts.</summary>
    public TimeSpan SpacingFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var configured = TimeSpan.FromSeconds(double.IsFinite(MinIntervalSeconds) ? Math.Max(0, MinIntervalSeconds) : 0);
        return IsArxivHost(url) && configured < ArxivMinimumSpacing ? ArxivMinimumSpacing : configured;
    }

    /// <summary>True for arxiv.org and any of its subdomains (export., oaipmh., rss.).</summary>
    public static bool IsArxivHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        var host = url.IdnHost.TrimEnd('.');
        return host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Everything wrong with these options, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, double.IsFinite(MinIntervalSeconds) && MinIntervalSeconds >= 0, nameof(MinIntervalSeconds), MinIntervalSeconds, "must be 0 or more");
        Check(errors, MaxRetries >= 0, nameof(MaxRetries), MaxRetries, "must be 0 or more");
        Check(errors, double.IsFinite(BackoffBaseSeconds) && BackoffBaseSeconds >= 0, nameof(BackoffBaseSeconds), BackoffBaseSeconds, "must be 0 or more");
        Check(errors, double.IsFinite(BackoffMaxSeconds) && BackoffMaxSeconds >= BackoffBaseSeconds, nameof(BackoffMaxSeconds), BackoffMaxSeconds, $"must be at least {nameof(BackoffBaseSeconds)}");
        Check(errors, double.IsFinite(TimeoutSeconds) && TimeoutSeconds > 0, nameof(TimeoutSeconds), TimeoutSeconds, "must be more than 0");
        Check(errors, MaxResponseBytes > 0, nameof(MaxResponseBytes), MaxResponseBytes, "must be more than 0");
        Check(errors, double.IsFinite(CacheHours) && CacheHours >= 0, nameof(CacheHours), CacheHours, "must be 0 or more");
        if (ContactProblem() is { } problem)
        {
            errors.Add($"{SectionName}:{nameof(Contact)} {problem}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Validate"/> finds.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid arXiv HTTP options: " + string.Join("; ", errors), nameof(ArxivHttpOptions));
        }
    }

    private string? ContactProblem()
    {
        var contact = Contact?.Trim();
        if (string.IsNullOrEmpty(contact))
        {
            return RequireContact
                ? "is missing: arXiv asks automated clients for an e-mail address or URL in the User-Agent"
                : null;
        }

        // It goes inside the User-Agent comment: a bracket or a line break would corrupt the header.
        if (contact.Any(c => char.IsControl(c) || c is '(' or ')'))
        {
            return "must not contain brackets or control characters";
        }

        var looksUsable = contact.Contains('@', StringComparison.Ordinal)
            || contact.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || contact.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        return RequireContact && !looksUsable ? $"must be an e-mail address or an http(s) URL (got \"{contact}\")" : null;
    }

    private static void Check(List<string> errors, bool ok, string name, IConvertible value, string rule)
    {
        if (!ok)
        {
            errors.Add($"{SectionName}:{name} {rule} (got {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
