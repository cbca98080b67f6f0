using Roundup.Application;
using System.CommandLine;
using Roundup.Application.Evaluation;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup eval</c>: selection scored against human curators' picks on every test window the data allows (or one),
/// each trained only on what is dated before it, with the baselines in the same run.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score selection against human picks on rolling test windows (each trained only before it): the funnel after learn, the default taste, no-reputation, profile-only, and the baselines");
        var listings = new Option<string[]>("--listings") { Description = "Listing files (JSON lines); wildcards allowed in file names", Required = true, AllowMultipleArgumentsPerToken = true };
        var picks = new Option<string>("--picks") { Description = "Picks file (TSV: arxiv_id, listing_date, sources): the labels, and what a curator learns from before each window", Required = true };
        var history = new Option<string[]>("--history") { Description = "Curation history files (JSON lines of featured papers) the default recipe learns from", Required = true, AllowMultipleArgumentsPerToken = true };
        var extra = new Option<string[]>("--extra-positives") { Description = "Curation history files the funnel row's learn adds (as learn --extra-positives)", AllowMultipleArgumentsPerToken = true };
        var trainUntil = new Option<DateOnly?>("--train-until") { Description = "With --test-from: one window instead of the rolling ones; the last listing date to learn from" };
        var testFrom = new Option<DateOnly?>("--test-from") { Description = "First listing date of the single test window" };
        var testUntil = new Option<DateOnly?>("--test-until") { Description = "Last listing date of the single test window (default: the last date in the listings)" };
        var ablation = new Option<bool>("--ablation") { Description = "Also run the default recipe without each signal group, and the learned model alone" };
        var store = new Option<string>("--store") { Description = "Scratch store for the evaluation (embeddings are cached there)", DefaultValueFactory = _ => Path.Combine(".roundup", "eval.db") };
        var format = CommonOptions.Format();
        foreach (var option in new Option[] { listings, picks, history, extra, trainUntil, testFrom, testUntil, ablation, store, format })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var inputs = EvalInputs.Of(
                parse.GetValue(listings)!,
                parse.GetValue(picks)!,
                parse.GetValue(history)!,
                parse.GetValue(extra) ?? [],
                parse.GetValue(trainUntil),
                parse.GetValue(testFrom),
                parse.GetValue(testUntil),
                parse.GetValue(store)!,
                parse.GetValue(ablation));
            var report = await new EvalRun(host, host.Logs.CreateLogger("Roundup.Eval")).RunAsync(inputs, ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvalPrinter.Json(report) + Environment.NewLine : EvalPrinter.Table(report));
            return CommandRunner.Success;
        });
        return command;
    }
}
