using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// Runs the region summary once before the portal starts listening, so the first visitor after a restart or a
/// deployment does not pay for compiling its queries (EF Core's query pipeline, the JIT, the first connections of the
/// pool): measured at 10,000 reports, the first summary after a restart took over a second, the next ones a tenth of
/// it (docs/benchmarks.md). It reads the rollup and one grouped count, never the publications one by one, so it
/// costs the same at 100,000 publications. A database that does not answer yet is not a reason to refuse to start:
/// the warm-up is then skipped.
/// </summary>
public sealed partial class PublicWarmUp(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublicWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<PublicQueries>();
            var years = await queries.BoardYearsAsync(Deadlines.BeijingDate(clock.GetUtcNow()), cancellationToken);
            if (years.Count > 0)
            {
                // A region's summary, not the whole portal's: it also compiles the region's lookup (the API's and the page's
                // path for ?region=), which the first request after a restart otherwise paid for (docs/benchmarks.md, fifth session).
                var regions = await queries.RegionsAsync(cancellationToken);
                await PublicSummary.LoadAsync(queries, clock, years[0], region: regions.Count > 0 ? regions[0].Code : null, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSkipped(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The public site's warm-up was skipped; the first summary will compile its queries")]
    private static partial void LogSkipped(ILogger logger, Exception exception);
}
