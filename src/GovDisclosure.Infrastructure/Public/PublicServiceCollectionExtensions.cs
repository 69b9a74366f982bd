using GovDisclosure.Infrastructure.Public;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace, beside DependencyInjection.AddGovDisclosureData, which calls it.
namespace GovDisclosure.Infrastructure;

public static class PublicServiceCollectionExtensions
{
    /// <summary>The public site's reads: <see cref="PublicQueries"/> per request over one process-wide <see cref="PublishedCellStore"/>.</summary>
    public static IServiceCollection AddPublicQueries(this IServiceCollection services)
    {
        services.AddSingleton<PublishedCellStore>();
        services.AddScoped<PublicQueries>();
        services.AddScoped<PublicIndicatorQueries>();
        services.AddOptions<IndicatorOptions>();
        return services;
    }
}
