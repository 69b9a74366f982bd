using System.Globalization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>How numbers and cells are written in finding messages.</summary>
internal static class RuleFormat
{
    /// <summary>Whole numbers without decimals, other values with every significant digit (so "2.50001" stays visible).</summary>
    public static string Number(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Effective(ReportDocument report, string code) => Number(ReportTotals.Effective(report, code));

    /// <summary>Names several cells of one table briefly: the column label when they share the row, else the row name.</summary>
    public static string ShortName(CellDefinition cell, CellDefinition context) =>
        cell.RowCode == context.RowCode ? cell.ColumnLabel : cell.ColumnCode == context.ColumnCode ? cell.RowName : cell.DisplayName;
}
