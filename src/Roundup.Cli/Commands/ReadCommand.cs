using System.CommandLine;
using Roundup.Cli.Output;
using Roundup.FullText;
using Roundup.FullText.Scoring;
using Roundup.Papers;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup read ID --fulltext-dir DIR</c>: the evidence extracted from one paper's full text (sections, captions,
/// tables, references, hidden text). Reads local files named by id: <c>2212.08410.pdf</c>, <c>2004.14974.tar.gz</c>,
/// <c>2506.01234.html</c>, <c>….tex</c>.
/// </summary>
public static class ReadCommand
{
    public static Command Create()
    {
        var command = new Command("read", "Show the evidence extracted from one paper's full text: sections in reading order, captions, tables, references, hidden text");
        var id = new Argument<string>("id") { Description = "arXiv id (a file named by it is looked for in --fulltext-dir), or a path to a PDF, e-print or HTML file" };
        var dir = new Option<string>("--fulltext-dir") { Description = "Folder of full-text files named by id", DefaultValueFactory = _ => "." };
        var format = CommonOptions.Format();
        command.Arguments.Add(id);
        command.Options.Add(dir);
        command.Options.Add(format);
        CommandRunner.SetAction(command, (parse, host, ct) =>
        {
            var file = Locate(parse.GetValue(id)!, parse.GetValue(dir)!);
            var evidence = new FullTextReader().Read(file);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvidencePrinter.Json(evidence) + Environment.NewLine : EvidencePrinter.Text(evidence));
            return Task.FromResult(CommandRunner.Success);
        });
        return command;
    }

    private static string Locate(string text, string directory)
    {
        if (File.Exists(text))
        {
            return text;
        }

        if (!ArxivId.TryParse(text, out var id, out var error))
        {
            throw new UsageException($"'{text}' is neither a file nor an arXiv id: {error}");
        }

        return new FullTextFolder(directory, new FullTextReader()).Find(id)
            ?? throw new UsageException($"no full text for {id} in {Path.GetFullPath(directory)} (looked for {id.Canonical}.pdf, .tar.gz, .html, .tex)");
    }
}
