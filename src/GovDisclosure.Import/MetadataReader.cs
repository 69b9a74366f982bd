using System.Globalization;
using System.Text.RegularExpressions;

namespace GovDisclosure.Import;

/// <summary>The signature under a report: the agency that signs it and the date it is signed.</summary>
internal sealed record Signature(string Agency, int Year, int Month);

/// <summary>Reads a published report's title, agency and year from its title block, its signature and its overview.</summary>
internal static partial class MetadataReader
{
    /// <summary>A title is a line, not a sentence: 「鄞州区人民政府办公室2020年政府信息公开工作年度报告」 is 30 characters.</summary>
    private const int MaxTitleLength = 60;

    /// <summary>
    /// Takes the signature off the end of the narrative: an agency line and a date line under it
    /// (「宁波市北仑区商务局」 / 「2022年1月28日」), or both on one line. Null when the text does not end so.
    /// </summary>
    public static Signature? TakeSignature(List<string> lines)
    {
        var last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        var line = lines[last].Trim();
        var date = DateLine().Match(line);
        if (!date.Success || line.Length > 40 || line[(date.Index + date.Length)..].Trim().Length > 0)
        {
            return null;
        }

        var before = line[..date.Index].Trim();
        var removed = 1;
        if (before.Length == 0 && last > 0 && IsAgencyLine(lines[last - 1].Trim()))
        {
            before = lines[last - 1].Trim();
            removed = 2;
        }

        if (before.Length > 0 && !IsAgencyLine(before))
        {
            return null;
        }

        lines.RemoveRange(last - removed + 1, removed);
        return new Signature(before, int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A line that names a body and nothing else: short, no sentence, ending like an agency's name.</summary>
    private static bool IsAgencyLine(string line) =>
        line.Length is > 1 and <= 40 && !line.Contains("报告", StringComparison.Ordinal) && !DateLine().IsMatch(line)
        && !SentencePunctuation().IsMatch(line) && AgencySuffix().IsMatch(line);

    /// <summary>
    /// The title from the title block (the first line before the first heading that reads as a title, never a
    /// sentence of the narrative), the agency from the title, a line of the title block, the signature or a
    /// 「发布机构：」 line, the year from the title, the period, the date under the title or the signature, or the overview.
    /// </summary>
    public static (string Title, string Agency, int? Year) Read(List<string> preamble, List<string> overview, Signature? signature = null)
    {
        var lines = preamble.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var title = lines.Select(l => l.Trim('《', '》', ' ', '\u3000'))
            .FirstOrDefault(l => l.Contains("报告", StringComparison.Ordinal) && l.Length <= MaxTitleLength && !SentencePunctuation().IsMatch(l)) ?? string.Empty;
        var agency = string.Empty;
        int? year = null;

        var match = TitleYear().Match(title);
        if (match.Success)
        {
            agency = match.Groups["agency"].Value.Trim();
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        // 「宁波市发展和改革委员会政府信息公开工作年度报告」: a title without a year may still name its agency.
        if (!match.Success && TitleAgency().Match(title) is { Success: true } named && AgencySuffix().IsMatch(named.Groups["agency"].Value))
        {
            agency = named.Groups["agency"].Value;
        }

        if (agency.Length == 0)
        {
            agency = lines.FirstOrDefault(l => l != title && IsAgencyLine(l)) ?? string.Empty;
        }

        // The signature names the body in full; a title's short name (「政府办」) yields to it.
        if (signature is { Agency.Length: > 0 } && (agency.Length == 0 || (agency.Length <= 5 && IsSubsequence(agency, signature.Agency))))
        {
            agency = signature.Agency;
        }

        if (agency.Length == 0 && lines.Select(l => Publisher().Match(l)).FirstOrDefault(m => m.Success) is { } publisher)
        {
            agency = publisher.Groups["agency"].Value.Trim();
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

        if (year is null && signature is not null)
        {
            year = signature.Month == 12 ? signature.Year : signature.Month <= 6 ? signature.Year - 1 : signature.Year;
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
        else if (match.Success && match.Groups["agency"].Value.Trim().Length == 0 && agency.Length > 0)
        {
            // 「2021年政府信息公开工作年度报告」 signed by the agency: the title it is published under names it.
            title = agency + title;
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

    [GeneratedRegex(@"^(?<agency>\p{IsCJKUnifiedIdeographs}{2,30}?)(政府信息公开|政务公开)")]
    private static partial Regex TitleAgency();

    [GeneratedRegex(@"[。；，,;]")]
    private static partial Regex SentencePunctuation();

    /// <summary>A web page's metadata line: 「发布机构：宁波市鄞州区人民政府办公室」.</summary>
    [GeneratedRegex(@"^(发布机构|发文机关|发布单位)\s*[:：]\s*(?<agency>\S.{1,38}?)\s*$")]
    private static partial Regex Publisher();

    [GeneratedRegex(@"(人民政府|办公室|办公厅|局|委员会|委|厅|院|中心|处|所|街道办事处|管委会|政府)$")]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,6}?(?:省|市|区|县|旗|州|镇|乡)人民政府(?:办公室|办公厅)?")]
    private static partial Regex FullNames();}
