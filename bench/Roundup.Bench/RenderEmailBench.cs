using System.Diagnostics;
using System.Globalization;
using Roundup.Publishing;
using Roundup.Publishing.Email;

namespace Roundup.Bench;

/// <summary>
/// The e-mail renderer alone, no SMTP: a 15-paper issue prepared once by <see cref="IssueEmail.Prepare"/>, then
/// personalised for N readers (greeting and unsubscribe link), each copy's HTML and text built. After one warm-up
/// round (template parsing, JIT), prints the time of each round, the median, and the size of a copy.
/// </summary>
public static class RenderEmailBench
{
    public static void Run(int messages, int rounds)
    {
        var site = new SiteOptions("Roundup", new Uri("https://example.org/roundup/"), "Bench Curator", "Benchmark issue");
        var issue = SendMailBench.SampleIssue();
        Round(IssueEmail.Prepare(issue, site), Math.Min(messages, 100));

        var prepares = new List<double>();
        var renders = new List<double>();
        long chars = 0;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var prepared = IssueEmail.Prepare(issue, site);
            prepares.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            chars = Round(prepared, messages);
            renders.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: prepare {prepares[^1]:F1} ms; {messages:N0} messages {renders[^1]:F0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{messages:N0} messages, median of {rounds}: {Bench.Median(renders):F0} ms ({Bench.Median(renders) * 1000 / messages:F1} µs a message, prepare {Bench.Median(prepares):F1} ms); {chars / messages:N0} chars a copy (HTML + text)"));
    }

    private static long Round(PreparedEmail prepared, int messages)
    {
        long chars = 0;
        for (var i = 0; i < messages; i++)
        {
            var email = prepared.ForSubscriber(new EmailPersonalisation($"Reader {i}", new Uri(string.Create(CultureInfo.InvariantCulture, $"https://example.org/roundup/unsubscribe?token={i}"))));
            chars += email.Html.Length + email.Text.Length;
        }

        return chars;
    }
}
