// Dispatches by the first argument: `dotnet run -c Release --project tests/GovDisclosure.Benchmarks -- render`.
using GovDisclosure.Benchmarks;
using GovDisclosure.Benchmarks.Similarity;

return args.FirstOrDefault() switch
{
    "render" => RenderBenchmark.Run(args[1..]),
    "parse-check" => ParseCheckBenchmark.Run(args[1..]),
    "similarity" => SimilarityBenchmark.Run(args[1..]),
    "indicators" => IndicatorBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovDisclosure.Benchmarks render [--renders N] [--chromium-runs N] [--no-chromium] | parse-check [--runs N] | similarity [--reports N] [--planted N] [--checks N] [--bands B] [--rows R] | indicators [--agencies N] [--runs N]");
    return 2;
}
