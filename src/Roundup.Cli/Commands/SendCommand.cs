using System.CommandLine;
using Roundup.Application.Delivering;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup send --week W [--dry-run] [--only ADDRESS] [--retry-failed] [--workers]</c>: delivers an approved issue to every
/// active subscriber through the outbox, then every erratum mailing of the week that was asked for
/// (<c>correct --email</c>) and is not finished. Run it again after a crash, a kill or a relay failure: it resumes, and
/// nobody gets a second copy (see <see cref="SendIssue"/>); with <c>--workers</c> the workers send it in batches. <c>--retry-failed</c> sends
/// the failed messages of subscribers who are still active again. Exit code 0 only when every mailing is finished (all
/// sent, save addresses the relay refused, now suppressed); 1 when the relay stopped the run or anything is left to
/// send later or to retry, and the last line says what.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var command = new Command("send", "Send an approved issue to the subscribers (Mail:Sender: pickup folder or SMTP relay)");
        var week = CommonOptions.Week();
        var dryRun = new Option<bool>("--dry-run") { Description = "Build every message and count the recipients; send and store nothing" };
        var only = new Option<string?>("--only") { Description = "Send only to this subscriber's address (e.g. a proof to yourself)" };
        var retryFailed = new Option<bool>("--retry-failed")
        {
            Description = "Also send again the messages that failed (refused, or given up after repeated 4xx) to subscribers who are still active; a refused address stays suppressed, and a message the relay took is never sent again",
        };
        command.Options.Add(week);
        command.Options.Add(dryRun);
        command.Options.Add(only);
        var workers = new Option<bool>(FullTextArguments.WorkersOption)
        {
            Description = "Hand the mailing to roundup worker processes (Workers:Enabled) in batches of Workers:DeliveryBatch messages, each sent through the worker's own Mail settings, and wait for them",
        };
        command.Options.Add(retryFailed);
        command.Options.Add(workers);
        CommandRunner.SetAction(command, parse => parse.GetValue(workers) ? [new("Workers:Enabled", "true")] : [], async (parse, host, ct) =>
        {
            var send = new SendIssue(host);
            var plan = await send.PlanAsync(WindowArguments.ResolveWeek(parse, week, host), parse.GetValue(only), ct);
            var retry = parse.GetValue(retryFailed);
            if (parse.GetValue(dryRun))
            {
                foreach (var (mailing, preview) in await send.PreviewAsync(plan, retry, ct))
                {
                    Console.Out.WriteLine($"dry run: {mailing.Key} would go to {preview.Recipients} subscriber(s) through {plan.Mail.Transport.Description}; subject: {preview.Subject ?? "(no recipients)"}");
                }

                return CommandRunner.Success;
            }

            var again = $"roundup send --week {plan.Issue.Week}";
            var exit = CommandRunner.Success;
            await foreach (var outcome in send.SendAsync(plan, retry, ct))
            {
                exit = Math.Max(exit, MailingPrinter.Print(outcome, again, $"messages not yet sent stay in the outbox; run `{again}` again once the relay works"));
            }

            return exit;
        });
        return command;
    }
}
