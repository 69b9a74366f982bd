// Dispatches by the first argument: `dotnet run -c Release --project tests/GovDisclosure.Benchmarks -- render`.
using GovDisclosure.Benchmarks;

return args.FirstOrDefault() switch
{
    "render" => RenderBenchmark.Run(args[1..]),
    "parse-check" => ParseCheckBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovDisclosure.Benchmarks render [--renders N] [--chromium-runs N] [--no-chromium] | parse-check [--runs N]");
    return 2;
}
