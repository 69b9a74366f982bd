using System.Globalization;
using System.Text.RegularExpressions;

namespace GovDisclosure.Import;

/// <summary>Reads a published report's title, agency and year from its preamble and overview.</summary>
internal static partial class MetadataReader
{
    /// <summary>The title from the lines before the first heading, the agency from the title or a line naming a body, the year from the title, the period, the date line or the overview.</summary>
    public static (string Title, string Agency, int? Year) Read(List<string> preamble, List<string> overview)
    {
        var lines = preamble.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var title = lines.FirstOrDefault(l => l.Contains("报告", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? string.Empty;
        title = title.Trim('《', '》', ' ');
        var agency = string.Empty;
        int? year = null;

        var match = TitleYear().Match(title);
        if (match.Success)
        {
            agency = match.Groups["agency"].Value.Trim();
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (agency.Length == 0)
        {
            agency = lines.FirstOrDefault(l => l != title && l.Length <= 40 && !l.Contains("报告", StringComparison.Ordinal)
                && !DateLine().IsMatch(l) && AgencySuffix().IsMatch(l)) ?? string.Empty;
        }

        var overviewText = string.Join('\n', overview);
        year ??= FirstYear(PeriodStart(), overviewText);
        if (year is null)
        {
            foreach (var line in lines)
            {
                var date = DateLine().Match(line);
                if (date.Success)
                {
                    var y = int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture);
                    var m = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);

                    // A report dated 31 December is that year's; one published in the first half of a year reports the last.
                    year = m == 12 ? y : m <= 6 ? y - 1 : y;
                    break;
                }
            }
        }

        year ??= FirstYear(AnyYear(), overviewText);
        if (year is < 2008 or > 2100)
        {
            year = null;
        }

        // A title that names neither (「政府信息公开工作年度报告」) is given both, as the report is published.
        if (!match.Success && year is not null && agency.Length > 0 && title.StartsWith("政府信息公开", StringComparison.Ordinal))
        {
            title = $"{agency}{year}年{title}";
        }

        // 「政府办」 in the title is 「新华区人民政府办公室」 in the text: a short name is expanded when the text
        // names exactly one body whose name contains it.
        if (agency.Length is > 0 and <= 5)
        {
            var expanded = FullNames().Matches(overviewText).Select(m => m.Value).Distinct(StringComparer.Ordinal)
                .Where(n => n.Length > agency.Length && IsSubsequence(agency, n)).ToList();
            if (expanded.Count == 1)
            {
                agency = expanded[0];
            }
        }

        return (title, agency, year);
    }

    private static int? FirstYear(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsSubsequence(string shortName, string longName)
    {
        var i = 0;
        foreach (var c in longName)
        {
            if (i < shortName.Length && shortName[i] == c)
            {
                i++;
            }
        }

        return i == shortName.Length;
    }

    [GeneratedRegex(@"^(?<agency>.*?)(?<year>(?:19|20)\d{2})\s*年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年1月1日")]
    private static partial Regex PeriodStart();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年")]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"(人民政府|办公室|办公厅|局|委员会|委|厅|院|中心|处|所|街道办事处|管委会|政府)$")]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,6}?(?:省|市|区|县|旗|州|镇|乡)人民政府(?:办公室|办公厅)?")]
    private static partial Regex FullNames();}
