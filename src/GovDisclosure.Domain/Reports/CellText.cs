using System.Globalization;
using System.Text;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// Cell text as people type or paste it in China (「９９」, 「1,000」, 「 3 」, 「－2」), read one way for the editor,
/// the importer and the import-apply path, so a value accepted in one place is never refused in another.
/// </summary>
public static class CellText
{
    /// <summary>Anything at or above this is a typing error, not a count or an amount in 万元.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>
    /// Removes every kind of space (Word and browsers leave NBSP, ideographic and zero-width spaces) and folds
    /// full-width digits, signs, points and commas to their ASCII forms. The only place this folding exists.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '０' and <= '９' => (char)(raw - '０' + '0'),
                '＋' => '+',
                '－' or '−' or '–' => '-',
                '．' => '.',
                '，' => ',',
                _ => raw,
            };
            if (!char.IsWhiteSpace(c) && c is not '\u200b' and not '\ufeff')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads typed text as the value of <paramref name="cell"/>: a number, whole unless the cell is an amount,
    /// not negative unless the cell is signed, within range. Blank text is no value and no error.
    /// </summary>
    public static CellTextResult Read(CellDefinition cell, string? raw)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return CellTextResult.Blank;
        }

        var shown = raw.Trim();
        var folded = Fold(raw).Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(folded, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return CellTextResult.Refused($"“{cell.DisplayName}”应填写数字，“{shown}”无法识别。");
        }

        if (cell.Kind != CellKind.Amount && value != decimal.Truncate(value))
        {
            return CellTextResult.Refused($"“{cell.DisplayName}”应为整数（件数不能有小数），当前为“{shown}”。");
        }

        if (cell.Kind != CellKind.SignedCount && value < 0)
        {
            return CellTextResult.Refused($"“{cell.DisplayName}”不能为负数，当前为“{shown}”。");
        }

        if (cell.Kind == CellKind.Amount && decimal.Round(value, CellKinds.AmountDecimals) != value)
        {
            return CellTextResult.Refused($"“{cell.DisplayName}”以万元为单位，最多保留{CellKinds.AmountDecimals}位小数。");
        }

        return Math.Abs(value) >= MaxValue
            ? CellTextResult.Refused($"“{cell.DisplayName}”数值过大，请核对。")
            : CellTextResult.Accepted(value);
    }

    /// <summary>Checks a value that arrived as a number (imported, pasted as JSON) by the same limits as typed text.</summary>
    public static CellTextResult Check(CellDefinition cell, decimal value) =>
        Read(cell, value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>What <see cref="CellText.Read"/> made of a cell's text.</summary>
/// <param name="Value">The number, when accepted.</param>
/// <param name="Error">A sentence naming the cell, when refused.</param>
public sealed record CellTextResult(decimal? Value, string? Error)
{
    public static CellTextResult Blank { get; } = new(null, null);

    public bool IsRefused => Error is not null;

    public static CellTextResult Accepted(decimal value) => new(value, null);

    public static CellTextResult Refused(string error) => new(null, error);
}
