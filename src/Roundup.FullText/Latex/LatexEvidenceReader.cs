using System.Text.RegularExpressions;
using Roundup.FullText.Latex.Tables;

namespace Roundup.FullText.Latex;

/// <summary>
/// Reads a LaTeX submission (a .tex file, or an arXiv e-print: gzipped file or tar) into evidence: the main file with
/// its includes, macros expanded, hidden text removed and reported, then title, abstract, sections, captions,
/// tables and references. Nothing is written to disk.
/// </summary>
public sealed partial class LatexEvidenceReader(FullTextLimits? limits = null)
{
    private static readonly string[] Floats =
    [
        "figure", "figure*", "table", "table*", "wrapfigure", "wraptable", "algorithm", "algorithm*", "algorithmic",
        "lstlisting", "minted", "verbatim", "tikzpicture", "picture", "comment", "SCfigure", "subfigure",
    ];

    private readonly FullTextLimits _limits = limits ?? FullTextLimits.Default;

    public PaperEvidence Read(string path) => Read(FileInput.ReadAll(path, _limits), path);

    public PaperEvidence Read(byte[] bytes, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget(source, _limits);
        if (bytes.Length == 0)
        {
            throw new FullTextException(source, "the file is empty (0 bytes)");
        }

        var files = SourceArchive.Load(bytes, source, _limits)
            .ToDictionary(f => f.Key, f => LatexScanner.StripComments(f.Value), StringComparer.Ordinal);
        var builder = new EvidenceBuilder(EvidenceFormat.Latex, source);
        var assembler = new LatexSourceAssembler(files, source, _limits, builder);
        var text = IfFalse().Replace(assembler.Assemble(), "");
        budget.Check();
        text = new LatexMacros(source, _limits, budget).CollectAndExpand(text);
        budget.Check();

        var colors = new LatexColors();
        colors.Learn(text);
        var hidden = new LatexHiddenText(colors, builder, raw => Locate(files, raw), budget);

        var begin = text.IndexOf("\\begin{document}", StringComparison.Ordinal);
        var preamble = begin < 0 ? "" : text[..begin];
        var body = begin < 0 ? text : text[(begin + "\\begin{document}".Length)..];
        var endDocument = body.IndexOf("\\end{document}", StringComparison.Ordinal);
        body = hidden.RemoveAndReport(endDocument < 0 ? body : body[..endDocument]);

        builder.Title = LatexCleaner.ToPlain(hidden.RemoveAndReport(Title(preamble) ?? Title(body) ?? ""));
        budget.Check();
        body = ReadAbstract(body, builder);
        body = ReadBibliography(body, files, assembler.MainFile, builder);
        budget.Check();
        var tables = new LatexTableFloats(builder, budget);
        body = tables.Extract(body);
        budget.Check();
        body = ReadCaptions(body, builder, budget);
        body = LatexEnvironments.Remove(body, Floats);
        budget.Check();
        LatexSections.Read(body, builder, budget, tables);
        tables.AddRest();
        budget.Check();
        return builder.Build();
    }

    private static string? Title(string text)
    {
        var m = TitleCommand().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var start = LatexScanner.ReadOptional(text, m.Index + m.Length, out var afterShort) is null ? m.Index + m.Length : afterShort;
        return LatexScanner.ReadGroup(text, start, out _)?.Replace("\\\\", " ", StringComparison.Ordinal);
    }

    private static string ReadAbstract(string body, EvidenceBuilder builder)
    {
        var found = false;
        body = LatexEnvironments.Replace(body, (_, content) =>
        {
            if (!found)
            {
                builder.Abstract = LatexCleaner.ToPlain(content);
                found = true;
            }

            return "\n\n";
        }, "abstract");
        return body;
    }

    private static string ReadBibliography(string body, Dictionary<string, string> files, string mainFile, EvidenceBuilder builder)
    {
        var inline = false;
        body = LatexEnvironments.Replace(body, (_, content) =>
        {
            inline = true;
            foreach (var entry in LatexBibliography.Entries(content))
            {
                builder.AddReference(entry);
            }

            return "\n\n";
        }, "thebibliography");
        if (inline)
        {
            return body;
        }

        var bblName = Path.ChangeExtension(mainFile, ".bbl");
        var bbl = files.GetValueOrDefault(bblName) ?? files.Where(f => f.Key.EndsWith(".bbl", StringComparison.OrdinalIgnoreCase)).Select(f => f.Value).FirstOrDefault();
        if (bbl is null)
        {
            builder.Warn("no bibliography: neither a thebibliography environment nor a .bbl file");
            return body;
        }

        foreach (var env in LatexEnvironments.Find(bbl, "thebibliography"))
        {
            foreach (var entry in LatexBibliography.Entries(bbl[env.ContentStart..env.ContentEnd]))
            {
                builder.AddReference(entry);
            }
        }

        return body;
    }

    private static string ReadCaptions(string body, EvidenceBuilder builder, ReadBudget budget)
    {
        var result = new System.Text.StringBuilder(body.Length);
        var last = 0;
        foreach (var caption in LatexCaptions.Find(body))
        {
            budget.Check();
            builder.AddCaption(LatexCleaner.ToPlain(caption.Source));
            result.Append(body, last, caption.Start - last);
            last = caption.End;
        }

        result.Append(body, last, body.Length - last);
        return result.ToString();
    }

    /// <summary>"file.tex line N" for the first line of a raw snippet, found by searching the (comment-stripped) files.</summary>
    private static string Locate(Dictionary<string, string> files, string raw)
    {
        var probe = raw.Trim();
        probe = probe[..Math.Min(probe.Length, 40)];
        foreach (var (name, content) in files)
        {
            var at = probe.Length == 0 ? -1 : content.IndexOf(probe, StringComparison.Ordinal);
            if (at >= 0)
            {
                return $"{name} line {content.AsSpan(0, at).Count('\n') + 1}";
            }
        }

        return "LaTeX source";
    }

    [GeneratedRegex(@"\\iffalse(?![A-Za-z]).*?\\fi(?![A-Za-z])", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex IfFalse();

    [GeneratedRegex(@"\\(?:title|icmltitle|Title)\*?(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TitleCommand();
}
