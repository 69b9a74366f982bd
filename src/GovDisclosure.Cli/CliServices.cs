using GovDisclosure.Application;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Cli;

/// <summary>The database verbs' shared plumbing: where the database is, and the same services the web uses.</summary>
internal static class CliServices
{
    public const string ConnectionHelp = "数据库连接：--connection \"Host=…;Database=…;Username=…\" 或环境变量 GD_CONNECTION。";

    /// <summary>Takes --connection out of the arguments; falls back to GD_CONNECTION. Null when neither is given.</summary>
    public static string? TakeConnection(List<string> args)
    {
        var i = args.IndexOf("--connection");
        if (i >= 0 && i + 1 < args.Count)
        {
            var value = args[i + 1];
            args.RemoveRange(i, 2);
            return value;
        }

        return Environment.GetEnvironmentVariable("GD_CONNECTION") is { Length: > 0 } env ? env : null;
    }

    public static ServiceProvider Build(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // EF logs the probe of a missing history table on a new database as an error; real failures surface as exceptions.
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddGovDisclosureApplication();
        services.AddGovDisclosureData(configuration);
        services.AddIdentityCore<ApplicationUser>(IdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovDisclosureDbContext>()
            .AddPortalIdentityRules();

        // `gd demo` publishes, and publishing renders the PDF inside the publication transaction.
        services.AddReportPdf(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
