using System.Globalization;
using GovDisclosure.Application.Reports;
using GovDisclosure.Infrastructure.Cluster;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Public;

/// <summary>
/// Drops the cached public output of a report the moment its publication changes. Called by
/// <see cref="EvictPublicPagesOnPublication"/>, which PublishReport tells after its transaction committed; without
/// it readers would see the old revision until the cache entry expires (<see cref="PublicCache.ReportLifetime"/>).
/// </summary>
public interface IPublicSiteCache
{
    /// <summary>Evicts the report's page, API document and downloads, and every list, summary and agency page.</summary>
    Task EvictReportAsync(int reportId, CancellationToken ct = default);

    /// <summary>Evicts every public entry: after a gap in which another instance's publications may have gone unheard.</summary>
    Task EvictAllAsync(CancellationToken ct = default);
}

internal sealed class PublicSiteCache(IOutputCacheStore store) : IPublicSiteCache
{
    public async Task EvictReportAsync(int reportId, CancellationToken ct = default)
    {
        await store.EvictByTagAsync(PublicCache.ReportTag(reportId), ct);
        await store.EvictByTagAsync(PublicCache.ListsTag, ct);
    }

    public async Task EvictAllAsync(CancellationToken ct = default) => await store.EvictByTagAsync(PublicCache.AllTag, ct);
}

/// <summary>The public pages follow a publication (or a published correction) because it happened, whoever published it.</summary>
internal sealed class EvictPublicPagesOnPublication(IPublicSiteCache cache) : IPublicationListener
{
    public Task PublishedAsync(ReportPublished published, CancellationToken ct) => cache.EvictReportAsync(published.ReportId, ct);
}

/// <summary>
/// The same eviction for a publication committed by another instance, by gd or by the archive import: PostgreSQL
/// tells every instance (<see cref="PublicationNotificationListener"/>, docs/decisions/0008). On the publishing
/// instance this repeats what <see cref="EvictPublicPagesOnPublication"/> did, which costs one more cache build.
/// </summary>
internal sealed class EvictPublicPagesOnNotification(IPublicSiteCache cache) : IPublicationChangeHandler
{
    public Task ReportPublishedAsync(int reportId, CancellationToken ct) => cache.EvictReportAsync(reportId, ct);

    public Task ResynchronizeAsync(CancellationToken ct) => cache.EvictAllAsync(ct);
}

/// <summary>The output cache policies of the public site (docs/decisions/0004).</summary>
public static class PublicCache
{
    /// <summary>A single report's output: evicted on publication, so it may live long.</summary>
    public const string ReportPolicy = "public-report";

    /// <summary>Lists, search, summaries, agency pages: evicted on any publication, short-lived besides.</summary>
    public const string ListPolicy = "public-list";

    public const string ListsTag = "public-lists";

    /// <summary>On every public entry, so a reconnected listener can drop them all at once.</summary>
    public const string AllTag = "public-all";

    public static readonly TimeSpan ReportLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ListLifetime = TimeSpan.FromSeconds(60);

    public static string ReportTag(int reportId) => "public-report-" + reportId.ToString(CultureInfo.InvariantCulture);

    public static void AddPolicies(OutputCacheOptions options)
    {
        options.AddPolicy(ReportPolicy, b => b.Expire(ReportLifetime).SetVaryByQuery("*").Tag(AllTag).AddPolicy<ReportTagPolicy>());
        options.AddPolicy(ListPolicy, b => b.Expire(ListLifetime).SetVaryByQuery("*").Tag(ListsTag, AllTag));
    }

    /// <summary>Tags an entry with the report id of its route, so one publication evicts exactly its own entries.</summary>
    private sealed class ReportTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Request.RouteValues.TryGetValue("id", out var id)
                && int.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
            {
                context.Tags.Add(ReportTag(reportId));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
