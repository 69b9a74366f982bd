using GovDisclosure.Application.Reports;
using GovDisclosure.Infrastructure.Public;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace, beside DependencyInjection.AddGovDisclosureData, which calls it.
namespace GovDisclosure.Infrastructure;

public static class PublicServiceCollectionExtensions
{
    /// <summary>The public site's reads (<see cref="PublicQueries"/>) and what publishing writes for them (<see cref="PublicRecordWriter"/>), per request.</summary>
    public static IServiceCollection AddPublicQueries(this IServiceCollection services, string connectionString)
    {
        // Created by the container, so that it disposes the reader's connection pool with the host.
        services.AddSingleton(_ => new PublicPageReader(connectionString));
        services.AddScoped<PublicQueries>();
        services.AddScoped<IPublicRecord, PublicRecordWriter>();
        services.AddScoped<PublicIndicatorQueries>();
        services.AddOptions<IndicatorOptions>();
        return services;
    }
}
