using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Similarity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDisclosure.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The connection string: ConnectionStrings:Default, or the GD_CONNECTION environment variable.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default")
        ?? configuration["GD_CONNECTION"]
        ?? throw new InvalidOperationException("未配置数据库连接：请设置 ConnectionStrings__Default 或 GD_CONNECTION 环境变量。");

    /// <summary>The implementations of what the application layer declares: the database, the account store; and the public read model.</summary>
    public static IServiceCollection AddGovDisclosureData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        services.AddDbContext<GovDisclosureDbContext>(options => Configure(options, connectionString));
        services.AddScoped<IGovDisclosureDb>(sp => sp.GetRequiredService<GovDisclosureDbContext>());
        services.AddScoped<IUserAccounts, UserAccounts>();
        services.AddScoped<ISimilarityStore, PostgresSimilarityStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicQueries(connectionString);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Migrations are hand-written without a model snapshot, so EF cannot diff them against the model;
            // MigrationsMatchModelTests proves instead that the migrated schema equals the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
