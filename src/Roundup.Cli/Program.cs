using System.CommandLine;
using Roundup.Cli.Commands;
using Roundup.Selection;

var root = new RootCommand("roundup: a weekly, curated issue of the best new machine-learning papers on arXiv")
{
    RunCommand.Create(),
    HarvestCommand.Create(),
    ImportCommand.Create(),
    PapersCommand.Create(),
    RefreshCommand.Create(),
    SelectCommand.Create(),
    ExplainCommand.Create(),
    DecisionCommand.Create(DecisionKind.Pin),
    DecisionCommand.Create(DecisionKind.Drop),
    WriteCommand.Create(),
    EditCommand.Create(),
    RenderCommand.Create(),
    ApproveCommand.Create(),
    PublishCommand.Create(),
    CorrectCommand.Create(),
    InitCommand.Create(),
    LearnCommand.Create(),
    BuildTasteCommand.Create(),
    EvalCommand.Create(),
    EvalSummariesCommand.Create(),
    ReadCommand.Create(),
    SubscribersCommand.Create(),
    SendCommand.Create(),
    ServeCommand.Create(),
    WorkerCommand.Create(),
    CuratorsCommand.Create(),
    ConfigCommand.Create(),
};
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.LogLevel);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"roundup: {error.Message}");
    }

    Console.Error.WriteLine("  hint: see roundup --help");
    return CommandRunner.BadUsage;
}

return await parse.InvokeAsync();
