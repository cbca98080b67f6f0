using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Templates;

/// <summary>
/// The Liquid templates (embedded *.liquid files), parsed once and rendered with HTML encoding always on: a value
/// is escaped unless it is <see cref="Trusted"/>, which only our own rendered output and generated SVG/JSON are.
/// </summary>
internal static class HtmlTemplates
{
    // Encodes markup characters and quotes, but leaves letters of every script readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    public static string Render(string templateName, IReadOnlyDictionary<string, object?> values)
    {
        var template = Parsed.GetOrAdd(templateName, Load);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, Encoder);
    }

    /// <summary>Markup that the templates insert as is: only for output of our own templates or XML/JSON writers.</summary>
    public static FluidValue Trusted(string markup) => new StringValue(markup, encode: false);

    /// <summary>Encodes one value the way the templates do (for text spliced in after rendering).</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>The text of an embedded resource (a template or a site asset).</summary>
    public static string Resource(string name)
    {
        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {typeof(HtmlTemplates).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IFluidTemplate Load(string templateName)
    {
        var source = Resource(templateName);
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"template {templateName}: {error}");
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            StrictFilters = true,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[]
        {
            typeof(SiteView), typeof(IssueView), typeof(SectionView), typeof(EntryView), typeof(TagView),
            typeof(CorrectionView), typeof(FunnelStageView), typeof(Archive.IssueSummaryView), typeof(Archive.TagPageView),
            typeof(Archive.TaggedEntryView), typeof(Archive.TagCountView),
        })
        {
            options.MemberAccessStrategy.Register(type);
        }

        return options;
    }
}
