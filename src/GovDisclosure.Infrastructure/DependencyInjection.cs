using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The connection string: ConnectionStrings:Default, or the GD_CONNECTION environment variable.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default")
        ?? configuration["GD_CONNECTION"]
        ?? throw new InvalidOperationException("未配置数据库连接：请设置 ConnectionStrings__Default 或 GD_CONNECTION 环境变量。");

    public static IServiceCollection AddGovDisclosureData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        services.AddDbContext<GovDisclosureDbContext>(options => Configure(options, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddReportUseCases();
        return services;
    }

    /// <summary>The report use cases and queries, one scoped instance per request (they share its DbContext).</summary>
    public static IServiceCollection AddReportUseCases(this IServiceCollection services)
    {
        services.AddScoped<StartReport>();
        services.AddScoped<SaveReport>();
        services.AddScoped<SubmitReport>();
        services.AddScoped<WithdrawReport>();
        services.AddScoped<ReturnReport>();
        services.AddScoped<ApproveReport>();
        services.AddScoped<OpenCorrection>();
        services.AddScoped<AddComment>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<DeadlineQueries>();
        services.AddPublicQueries();

        // A factory, so a host without a PDF renderer (the CLI's plain verbs) still validates; publishing there fails when resolved.
        services.AddScoped(sp => new PublishReport(
            sp.GetRequiredService<GovDisclosureDbContext>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IReportPdfRenderer>(),
            sp.GetRequiredService<ILogger<PublishReport>>()));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Migrations are hand-written without a model snapshot, so EF cannot diff them against the model;
            // MigrationsMatchModelTests proves instead that the migrated schema equals the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
