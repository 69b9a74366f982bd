using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Rules;

/// <summary>What the rules look at: the report, optionally last year's report and the agency's profile.</summary>
public sealed record CheckContext(ReportDocument Report)
{
    /// <summary>The same agency's report for the previous year; enables the cross-year rules X-1 … X-4.</summary>
    public ReportDocument? Previous { get; init; }

    /// <summary>The agency's kind and level, when known; enables the 规章 sanity check.</summary>
    public AgencyProfile? Agency { get; init; }
}

/// <summary>The one entry point to every rule of report-templates.md §6.</summary>
public static class ReportChecker
{
    // STUB: the rules issue replaces this with the FluentValidation validators.
    public static IReadOnlyList<Finding> Check(CheckContext context) => [];

    public static IReadOnlyList<Finding> Check(ReportDocument report, ReportDocument? previous = null) =>
        Check(new CheckContext(report) { Previous = previous });
}
