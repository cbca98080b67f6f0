using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Cli.Configuration;
using Roundup.Cli.Evaluation;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup eval</c>: the funnel and the baselines scored against human curators' picks, on a split by date.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score the funnel and baselines (random, keyword, tf-idf + linear SVM) against human picks on a train/test split by date");
        var listings = new Option<string[]>("--listings") { Description = "Listing files (JSON lines); wildcards allowed in file names", Required = true, AllowMultipleArgumentsPerToken = true };
        var picks = new Option<string>("--picks") { Description = "Picks file (TSV: arxiv_id, listing_date, sources)", Required = true };
        var extra = new Option<string?>("--extra-positives") { Description = "JSON lines of papers other curators featured, used as extra positives when dated before the test" };
        var trainUntil = new Option<DateOnly>("--train-until") { Description = "Last listing date of the training part", Required = true };
        var testFrom = new Option<DateOnly>("--test-from") { Description = "First listing date of the test part", Required = true };
        var testUntil = new Option<DateOnly?>("--test-until") { Description = "Last listing date of the test part (default: the last date in the listings)" };
        var store = new Option<string>("--store") { Description = "Scratch store for the evaluation (embeddings are cached there)", DefaultValueFactory = _ => Path.Combine(".roundup", "eval.db") };
        var format = CommonOptions.Format();
        foreach (var option in new Option[] { listings, picks, extra, trainUntil, testFrom, testUntil, store, format })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var files = parse.GetValue(listings)!.SelectMany(f => SourceSpec.Expand(f) is { Count: > 0 } found ? found : throw new UsageException($"{f}: no such file")).Distinct().ToList();
            var from = parse.GetValue(testFrom);
            if (parse.GetValue(trainUntil) >= from)
            {
                throw new UsageException("--train-until must be before --test-from: the test must be on days the model never saw");
            }

            var until = parse.GetValue(testUntil) ?? DateOnly.MaxValue;
            var report = await new EvalRun(host, host.Logs.CreateLogger("Roundup.Eval")).RunAsync(files, parse.GetValue(picks)!, parse.GetValue(extra), parse.GetValue(trainUntil), from, until, parse.GetValue(store)!, ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvalPrinter.Json(report) + Environment.NewLine : EvalPrinter.Table(report));
            return CommandRunner.Success;
        });
        return command;
    }
}
