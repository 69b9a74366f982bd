using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases and queries, one scoped instance per request (they share its <see cref="IGovDisclosureDb"/>).
    /// The host adds the implementations of the interfaces declared here (Infrastructure) and its own listeners.
    /// </summary>
    public static IServiceCollection AddGovDisclosureApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // The templates a stored report's key names, and which one a year uses: the two national formats unless the
        // host (or a test with a definition of its own) registered another catalogue first or replaces this one.
        services.TryAddSingleton(TemplateCatalog.Default);
        services.AddScoped<StartReport>();
        services.AddScoped<SaveReport>();
        services.AddScoped<SubmitReport>();
        services.AddScoped<SaveAndSubmitReport>();
        services.AddScoped<WithdrawReport>();
        services.AddScoped<ReturnReport>();
        services.AddScoped<ApproveReport>();
        services.AddScoped<OpenCorrection>();
        services.AddScoped<AddComment>();
        services.AddScoped<ApplyImport>();
        services.AddScoped<ImportHistory>();
        services.AddScoped<KeepDraft>();
        services.AddScoped<DiscardDraft>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<DeadlineQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<AgencyAdmin>();
        services.AddScoped<MoveAgency>();
        services.AddScoped<YearAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<ApprovalChains>();
        services.AddScoped<HistoryUpload>();
        services.AddScoped<ReviewSettingsAdmin>();
        services.AddScoped<AnomalyQueries>();

        // 雷同: one matcher (its hash family is fixed and it holds no state), the check and the writer over the host's ISimilarityStore.
        services.TryAddSingleton(new SimilarityMatcher());
        services.AddScoped<SimilarityCheck>();
        services.AddScoped<SimilarityQueries>();
        services.AddScoped<SimilarityIndexer>();
        services.AddScoped<IPublicationListener>(sp => sp.GetRequiredService<SimilarityIndexer>());

        // A factory, so a host without a PDF renderer (the CLI's plain verbs) still validates; publishing there fails when resolved.
        services.AddScoped(sp => new PublishReport(
            sp.GetRequiredService<IGovDisclosureDb>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IReportPdfRenderer>(),
            sp.GetServices<IPublicationListener>(),
            sp.GetRequiredService<ILogger<PublishReport>>(),
            sp.GetRequiredService<IPublicRecord>()));
        services.AddScoped(sp => new PublicationPdf(
            sp.GetRequiredService<IGovDisclosureDb>(), sp.GetRequiredService<IReportPdfRenderer>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
