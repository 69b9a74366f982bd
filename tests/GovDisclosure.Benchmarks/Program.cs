// Dispatches by the first argument: `dotnet run -c Release --project tests/GovDisclosure.Benchmarks -- render`.
using GovDisclosure.Benchmarks;
using GovDisclosure.Benchmarks.Similarity;

return args.FirstOrDefault() switch
{
    "render" => RenderBenchmark.Run(args[1..]),
    "parse-check" => ParseCheckBenchmark.Run(args[1..]),
    "documents" => DocumentParseBenchmark.Run(args[1..]),
    "archive" => ArchiveCorpus.Run(args[1..]),
    "similarity" => SimilarityBenchmark.Run(args[1..]),
    "similarity-db" => await SimilarityStoreBenchmark.RunAsync(args[1..]),
    "public-seed" => await PublicationBenchmark.SeedAsync(args[1..]),
    "publish-surge" => await PublicationBenchmark.SurgeAsync(args[1..]),
    "indicators" => IndicatorBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovDisclosure.Benchmarks render [--renders N] [--chromium-runs N] [--no-chromium] | parse-check [--runs N] | documents [--runs N] | archive --agencies N --out DIR | similarity [--reports N] [--planted N] [--checks N] [--bands B] [--rows R] | similarity-db --connection CS [--reports N] [--planted N] [--checks N] | public-seed|publish-surge [--connection CS] [--reports N] [--regions R] [--batch B] [--clients C] [--prefix CODE] [--under CODE] [--fixture JSON] | indicators [--agencies N] [--runs N]");
    return 2;
}
