using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Application.Delivering;
using Roundup.Web.Desk;
using Roundup.Web.Hosting;
using Roundup.Web.SignUp;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup serve</c>: the web endpoint of the list. The confirm and unsubscribe links of the mails (RFC 8058
/// one-click POST included) act on the store; the sign-up form (Serve:SignUp) sends its confirmations through the
/// Mail transport; the archive of <c>roundup publish</c> is served read-only beside them,
/// all under the link base's path. With <c>--workers</c>, the desk's jobs hand their parallel parts to
/// <c>roundup worker</c> processes as <c>run --workers</c> does. Prints <c>listening on URL</c> once bound; Ctrl-C or SIGTERM stops it cleanly.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the confirm and unsubscribe links (one-click included), the sign-up form and the web archive (Serve:Urls)");
        var workers = new Option<bool>(FullTextArguments.WorkersOption)
        {
            Description = "Hand the desk's runs (full texts to read, entries to write, deliveries) to roundup worker processes (Workers:Enabled)",
        };
        command.Options.Add(workers);
        CommandRunner.SetAction(command, parse => parse.GetValue(workers) ? [new("Workers:Enabled", "true")] : [], async (parse, host, ct) =>
        {
            var serve = host.Options.Serve;
            var mail = await MailSetup.OpenAsync(host, ct);
            var list = mail.Builder.List;
            var options = serve.Server(list.LinkBase, host.Options.Publish.ArchiveDir, list.DisplayName);
            var desk = new DeskServices(host, await host.StoreAsync(ct), serve.DeskKeysDir);
            await using var server = await RoundupWebServer.StartAsync(options, mail.Subscribers, mail.Signer, new SignUpMail(mail.Transport, mail.Builder), desk, host.Logs, ct);
            foreach (var address in server.Addresses)
            {
                Console.Out.WriteLine($"listening on {address.AbsoluteUri}");
            }

            var logger = host.Logs.CreateLogger("Roundup.Web");
            logger.LogInformation("serving the links of {LinkBase}{SignUp} and the archive in {ArchiveDir}", list.LinkBase, serve.SignUp ? $", the sign-up form (confirmations through {mail.Transport.Description})" : "", Path.GetFullPath(host.Options.Publish.ArchiveDir));
            await server.WaitForShutdownAsync(ct);
            await server.StopAsync();
            logger.LogInformation("stopped");
            return CommandRunner.Success;
        });
        return command;
    }
}
