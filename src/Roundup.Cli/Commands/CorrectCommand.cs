using System.CommandLine;
using Roundup.Application.Corrections;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup correct --week W [--paper ID] --text … [--email]</c>: an erratum. The archive page and the feed entry
/// show it (the entry's updated time moves). It is e-mailed only with <c>--email</c>, as a mailing of its own to the
/// subscribers who were sent the issue (see <see cref="CorrectIssue"/>); <c>send</c> finishes one that was cut short.
/// </summary>
public static class CorrectCommand
{
    public static Command Create()
    {
        var command = new Command("correct", "Record a correction to a week's issue (shown in the archive and feeds; e-mailed to those who got the issue only with --email)");
        var week = CommonOptions.Week();
        var paper = new Option<string?>("--paper") { Description = "arXiv id of the paper it corrects (none: the whole issue)" };
        var text = new Option<string>("--text") { Description = "The correction", Required = true };
        var email = new Option<bool>("--email") { Description = "Also e-mail it, once, to the active subscribers who were sent the issue (a published issue only)" };
        command.Options.Add(week);
        command.Options.Add(paper);
        command.Options.Add(text);
        command.Options.Add(email);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var correct = new CorrectIssue(host);
            var recorded = await correct.RecordAsync(WindowArguments.ResolveWeek(parse, week, host), parse.GetValue(paper), parse.GetValue(text)!, parse.GetValue(email), ct);
            var saved = recorded.Issue;
            Console.Out.WriteLine($"correction recorded in {saved.Week} (version {saved.Version}){(recorded.ArchiveRebuilt ? "; archive and feeds rebuilt" : "")}");
            if (recorded.Mailing is not { } mailing)
            {
                return CommandRunner.Success;
            }

            var resume = $"the correction is recorded and its mailing {mailing.Key} stays in the outbox; run `roundup send --week {saved.Week}` to finish it";
            return MailingPrinter.Print(await correct.SendAsync(recorded, ct), $"roundup send --week {saved.Week}", resume);
        });
        return command;
    }
}
