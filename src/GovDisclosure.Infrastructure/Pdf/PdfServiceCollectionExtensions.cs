using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using GovDisclosure.Application.Common;

namespace GovDisclosure.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReportPdfRenderer"/> as a singleton with fonts from the "Pdf" section.
    /// The renderer loads its fonts when first resolved; call <see cref="ValidatePdfFonts"/> at start-up
    /// to fail before the first request when a font is missing.
    /// </summary>
    public static IServiceCollection AddReportPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.AddSingleton<IReportPdfRenderer>(sp => new PdfSharpReportRenderer(
            sp.GetRequiredService<IOptions<PdfOptions>>().Value, sp.GetService<ILogger<PdfSharpReportRenderer>>()));
        return services;
    }

    /// <summary>Resolves the renderer once so a missing font stops the application at start-up, naming the package.</summary>
    public static IServiceProvider ValidatePdfFonts(this IServiceProvider services)
    {
        _ = services.GetRequiredService<IReportPdfRenderer>();
        return services;
    }
}
