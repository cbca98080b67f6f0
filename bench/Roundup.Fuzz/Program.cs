using Roundup.Fuzz;
using SharpFuzz;

// roundup-fuzz TARGET            run under afl-fuzz (bench/fuzz.sh): SharpFuzz's fork server feeds it inputs
// roundup-fuzz TARGET FILE…      run the inputs once each, outside the fuzzer: reproduce a finding, check the seeds
if (args.Length == 0 || FuzzTargets.All.All(t => t.Name != args[0]))
{
    Console.Error.WriteLine("usage: roundup-fuzz TARGET [FILE…]   targets: " + string.Join(", ", FuzzTargets.All.Select(t => $"{t.Name} ({t.Description})")));
    return 2;
}

var target = FuzzTargets.All.First(t => t.Name == args[0]);
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        target.Run(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: read or refused");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
