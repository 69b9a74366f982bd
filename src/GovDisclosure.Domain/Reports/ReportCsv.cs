using System.Text;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// The CSV download: one row per cell code of the template, in template order, so every report of a template
/// has the same rows and spreadsheets can be laid side by side. A blank cell has an empty value (blank is not 0);
/// a total the agency left blank carries the computed value with derived=true, as the interchange "derived" does.
/// </summary>
public static class ReportCsv
{
    public const string Header = "code,row,column,kind,value,derived";

    public static string Write(ReportDocument report)
    {
        var derived = ReportTotals.Derived(report);
        var csv = new StringBuilder(8_192).Append(Header).Append("\r\n");
        foreach (var cell in report.Definition.Cells)
        {
            var written = report.Cells.Get(cell.Code);
            var value = written ?? (derived.TryGetValue(cell.Code, out var d) ? d : null);
            csv.Append(cell.Code).Append(',')
                .Append(Quote(cell.RowName)).Append(',')
                .Append(Quote(cell.ColumnLabel)).Append(',')
                .Append(cell.Kind.ToString().ToLowerInvariant()).Append(',')
                .Append(value is null ? string.Empty : InterchangeJson.FormatValue(cell.Kind, value.Value)).Append(',')
                .Append(written is null && value is not null ? "true" : "false")
                .Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>UTF-8 with a byte order mark, so spreadsheet programs on Chinese Windows read the labels right.</summary>
    public static byte[] Bytes(ReportDocument report) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(report))];

    private static string Quote(string text)
    {
        var plain = text.Replace("<br/>", string.Empty, StringComparison.Ordinal);
        return plain.AsSpan().IndexOfAny(",\"\r\n") < 0 ? plain : "\"" + plain.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
