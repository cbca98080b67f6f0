using System.CommandLine;
using Roundup.Application.Reading;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup read ID</c>: the evidence extracted from one paper's full text (<see cref="ReadPaper"/>): sections,
/// captions, tables, references, hidden text, facts.
/// </summary>
public static class ReadCommand
{
    public static Command Create()
    {
        var command = new Command("read", "Show the evidence extracted from one paper's full text (fetched from arXiv unless --offline): sections in reading order, captions, tables, references, hidden text, facts");
        var id = new Argument<string>("id") { Description = "arXiv id (2506.01234 or 2506.01234v2), or a path to a PDF, e-print or HTML file" };
        var format = CommonOptions.Format();
        command.Arguments.Add(id);
        command.Options.Add(format);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, fullText.Overrides, async (parse, host, ct) =>
        {
            var evidence = await new ReadPaper(host).RunAsync(parse.GetValue(id)!, ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvidencePrinter.Json(evidence) + Environment.NewLine : EvidencePrinter.Text(evidence));
            return CommandRunner.Success;
        });
        return command;
    }
}
