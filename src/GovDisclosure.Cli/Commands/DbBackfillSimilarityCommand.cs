using GovDisclosure.Application.Similarity;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd db backfill-similarity [--connection CS]: puts every current publication that the stored 雷同 index does not
/// hold yet (published before the index existed, or whose indexing failed after publishing) into it. Publications
/// already indexed are skipped, so running it twice changes nothing the second time.
/// </summary>
public static class DbBackfillSimilarityCommand
{
    public const string Usage = "用法：gd db backfill-similarity [--connection 连接字符串]（将尚未编入雷同检查索引的已发布报告编入索引）";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        await using var services = await PublicationBackfill.ServicesAsync(args, Usage, stderr);
        if (services is null)
        {
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var indexed = await scope.ServiceProvider.GetRequiredService<SimilarityIndexer>().BackfillAsync();
        await stdout.WriteLineAsync(indexed == 0
            ? "所有已发布报告均已编入雷同检查索引，无需补录。"
            : $"已将{indexed}份已发布报告编入雷同检查索引。");
        return 0;
    }
}
