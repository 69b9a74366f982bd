using System.Globalization;
using System.Text;

namespace GovDisclosure.Domain.Indicators;

/// <summary>
/// The indicators download: one row per agency and indicator (long form, so a new indicator adds rows, not columns).
/// value is the fraction (0.625), empty when the figure is not shown; status says why; rank is empty outside the ranking.
/// </summary>
public static class IndicatorCsv
{
    public const string Header = "agency_id,agency,report_id,indicator,name,value,numerator,denominator,status,rank";

    public static string Write(IReadOnlyList<AgencyIndicators> agencies, IReadOnlyList<IndicatorDistribution> distributions)
    {
        var ranks = distributions.ToDictionary(d => d.Definition.Key, d => d.Ranking.ToDictionary(r => r.AgencyId, r => r.Rank), StringComparer.Ordinal);
        var csv = new StringBuilder(256 + (agencies.Count * 600)).Append(Header).Append("\r\n");
        foreach (var agency in agencies)
        {
            foreach (var value in agency.Values)
            {
                var rank = ranks.TryGetValue(value.Definition.Key, out var byAgency) && byAgency.TryGetValue(agency.AgencyId, out var r) ? r.ToString(CultureInfo.InvariantCulture) : string.Empty;
                csv.Append(agency.AgencyId.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(Quote(agency.AgencyName)).Append(',')
                    .Append(agency.ReportId?.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(value.Definition.Key).Append(',')
                    .Append(value.Definition.Name).Append(',')
                    .Append(value.Ratio?.ToString("0.######", CultureInfo.InvariantCulture)).Append(',')
                    .Append(value.Numerator.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                    .Append(value.Denominator.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                    .Append(StatusCode(value.Status)).Append(',')
                    .Append(rank).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>UTF-8 with a byte order mark, as the report CSV, so spreadsheet programs read the names right.</summary>
    public static byte[] Bytes(IReadOnlyList<AgencyIndicators> agencies, IReadOnlyList<IndicatorDistribution> distributions) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(agencies, distributions))];

    /// <summary>The status as the API and the CSV spell it.</summary>
    public static string StatusCode(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Computed => "computed",
        IndicatorStatus.InsufficientSample => "insufficient_sample",
        _ => "no_previous_year",
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
