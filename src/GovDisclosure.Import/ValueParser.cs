using System.Globalization;
using GovDisclosure.Domain.Reports;
using System.Text.RegularExpressions;

namespace GovDisclosure.Import;

/// <summary>The unit a money amount was written in.</summary>
internal enum MoneyUnit
{
    None,
    Yuan,
    TenThousandYuan,
    HundredMillionYuan,
}

/// <summary>A cell's value as written: the number and, for money, the unit written in the cell.</summary>
internal sealed record CellValue(decimal Number, MoneyUnit Unit, string Raw);

/// <summary>
/// Reads cell text: 「  0」, 「0\u3000」, 「+4」, 「－3」, 「1,234」, 「48件」, 「3.27万元」, 「251000元」, 「0.5亿元」.
/// Dashes and slashes mean an empty cell, as many agencies write them.
/// </summary>
internal static partial class ValueParser
{
    public static bool IsBlank(string text) => BlankMarker().IsMatch(Compact(text));

    public static bool LooksNumeric(string text) => !IsBlank(text) && TryParse(text, out _);

    public static bool TryParse(string text, out CellValue value)
    {
        value = null!;
        var compact = Compact(text);
        var match = Number().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.Length > 18 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (match.Groups["sign"].Value == "-")
        {
            number = -number;
        }

        var unit = match.Groups["u"].Value switch
        {
            "元" => MoneyUnit.Yuan,
            "万元" or "万" => MoneyUnit.TenThousandYuan,
            "亿元" or "亿" => MoneyUnit.HundredMillionYuan,
            _ => MoneyUnit.None,
        };
        value = new CellValue(number, unit, text.Trim());
        return true;
    }

    /// <summary>The unit a column header states: 「采购总金额（万元）」, 「本年收费金额（单位：万元）」, 「金额（元）」.</summary>
    public static MoneyUnit UnitOfHeader(string header)
    {
        var key = Labels.Normalize(header);
        if (key.Contains("亿元", StringComparison.Ordinal))
        {
            return MoneyUnit.HundredMillionYuan;
        }

        if (key.Contains("万元", StringComparison.Ordinal))
        {
            return MoneyUnit.TenThousandYuan;
        }

        return key.Contains("(元)", StringComparison.Ordinal) || key.Contains(":元", StringComparison.Ordinal) ? MoneyUnit.Yuan : MoneyUnit.None;
    }

    public static decimal ToTenThousandYuan(decimal number, MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => number / 10_000m,
        MoneyUnit.HundredMillionYuan => number * 10_000m,
        _ => number,
    };

    public static string UnitName(MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.TenThousandYuan => "万元",
        MoneyUnit.HundredMillionYuan => "亿元",
        _ => "（未写单位）",
    };

    /// <summary>Spaces removed and full-width forms folded, the same way the editor reads typed cells.</summary>
    private static string Compact(string text) => CellText.Fold(text);

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)(?<u>万元|亿元|元|万|亿|件|个|项|条|人次|次)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(|-+|—+|/|／|\\)$")]
    private static partial Regex BlankMarker();
}
