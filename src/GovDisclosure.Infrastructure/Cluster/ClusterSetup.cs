using System.Security.Cryptography.X509Certificates;
using GovDisclosure.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace, beside DependencyInjection.AddGovDisclosureData.
namespace GovDisclosure.Infrastructure;

/// <summary>
/// Settings for running several instances over one database. One key ring for every instance and every restart: the keys live in PostgreSQL (data_protection_keys), under
/// one fixed application name, so a cookie or antiforgery token issued by one process is read by any other.
/// </summary>
public static class ClusterSetup
{
    /// <summary>The name the keys are isolated by; fixed, because the default is the content root path, which differs between machines.</summary>
    public const string ApplicationName = "GovDisclosure";

    /// <summary>
    /// Keys at rest: with DataProtection:CertificatePath (a .pfx, password in DataProtection:CertificatePassword)
    /// each key's XML is encrypted to that certificate, so a database dump or backup alone cannot forge a cookie.
    /// Without it the keys are stored readable to whoever can read the table, and the framework logs a warning.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<GovDisclosureDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            // Fail at start, not on the first sign-in, when the certificate is missing or the password wrong.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath（{path}）中的证书没有私钥，无法解密已保存的密钥。");
            }

            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>Every instance hears every committed publication within a second (docs/decisions/0008).</summary>
    public static IServiceCollection AddPublicationNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = DependencyInjection.ConnectionString(configuration);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Cluster.PublicationNotificationListener>(sp, connectionString));
        services.AddHostedService(sp => sp.GetRequiredService<Cluster.PublicationNotificationListener>());
        return services;
    }
}
