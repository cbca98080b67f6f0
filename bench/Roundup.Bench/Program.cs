using System.Globalization;
using Roundup.Bench;

// roundup-bench generate-snapshot --records N --out FILE
if (args.Length >= 1 && args[0] == "generate-snapshot")
{
    var records = ArgValue(args, "--records") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 2_700_000;
    var output = ArgValue(args, "--out") ?? "arxiv-metadata-oai-snapshot.json";
    var bytes = SnapshotGenerator.Write(output, records, seed: 20250623);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {records:N0} records, {bytes / 1e9:F2} GB, to {output}"));
    return 0;
}

if (args.Length >= 2 && args[0] == "read-fulltext")
{
    FullTextBench.Run(args[1], args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
    return 0;
}

if (args.Length >= 3 && args[0] == "snapshot-phases")
{
    await SnapshotPhases.RunAsync(args[1], args[2]);
    return 0;
}

if (args.Length >= 3 && args[0] == "postgres-store-phase")
{
    await PostgresStorePhase.RunAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 300_000);
    return 0;
}

if (args.Length >= 3 && args[0] == "send-mail")
{
    await SendMailBench.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4, args.Length >= 5 ? args[4] : Path.GetTempPath());
    return 0;
}

if (args.Length >= 3 && args[0] == "seed-send")
{
    await SeedSendBench.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length >= 1 && args[0] == "render-email")
{
    RenderEmailBench.Run(args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000, args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return 0;
}

if (args.Length >= 2 && args[0] == "write-offline")
{
    WriteOfflineBench.Run(args[1], args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20, args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
    return 0;
}

Console.Error.WriteLine("usage: roundup-bench generate-snapshot [--records 2700000] [--out FILE]\n       roundup-bench snapshot-phases SNAPSHOT.json SCRATCH.db   (times read+convert and store separately)\n       roundup-bench postgres-store-phase SNAPSHOT.json CONNECTION-STRING [RECORDS]   (the PostgreSQL store alone on the first RECORDS, default 300000)\n       roundup-bench read-fulltext FOLDER [PAPERS]   (evidence extraction, as the skim stage reads a shortlist)\n       roundup-bench send-mail SUBSCRIBERS PORT [CONNECTIONS] [SCRATCH]   (render and deliver to an SMTP sink on 127.0.0.1:PORT)\n       roundup-bench seed-send CONNECTION-STRING SUBSCRIBERS   (an empty PostgreSQL store filled for bench/send-senders.sh)\n       roundup-bench render-email [MESSAGES] [ROUNDS]   (personalise one prepared issue MESSAGES times, default 10000, 5 rounds)\n       roundup-bench write-offline FULLTEXT-FOLDER [ENTRIES] [ROUNDS]   (the offline writer on ENTRIES picks from full texts, default 20, 5 rounds)");
return 2;

static string? ArgValue(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
