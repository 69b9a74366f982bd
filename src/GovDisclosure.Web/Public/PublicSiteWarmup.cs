using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// Loads the newest two years of published cells into <see cref="PublishedCellStore"/> in the background at start,
/// so the first region summary after a deployment does not pay for reading every published cell (seconds for
/// 10,000 reports). A failure only means the first summary loads them itself.
/// </summary>
internal sealed partial class PublicSiteWarmup(IServiceScopeFactory scopes, ILogger<PublicSiteWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var queries = scope.ServiceProvider.GetRequiredService<PublicQueries>();
            foreach (var year in (await queries.YearsAsync(stoppingToken)).Take(2))
            {
                await queries.WarmSummaryCellsAsync(year.Year, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWarmupFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the published cell store failed; the first summary will load it")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
