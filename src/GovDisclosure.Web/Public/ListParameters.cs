using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The limits of the report list's query parameters, shared by /Reports and /api/reports. A value outside its
/// range is refused with a message naming the range, never clamped: a client asking for page 2147483647 should
/// learn that it asked for something that does not exist rather than get page 1.
/// </summary>
public static class ListParameters
{
    /// <summary>With at most 100 per page this is a million reports, far past any region's count, and the offset stays small.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The Regulations took effect in 2008; the first annual reports cover that year.</summary>
    public const int MinYear = 2008;
    public const int MaxYear = 2100;

    /// <summary>
    /// A query-string integer as the API receives it. Text that is not an integer (「abc」, a number past int's range)
    /// becomes <see cref="int.MinValue"/>, which every range below refuses with its own message naming the range, so
    /// 「year=abc」 is told the same as 「year=99999」; empty is absent.
    /// </summary>
    public static int? WholeNumber(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : int.MinValue;

    /// <summary>The first problem with the parameters, in Chinese, or null when they are all acceptable.</summary>
    public static string? Problem(int? year, int? page, int? pageSize, string? q, string? region = null)
    {
        if (year is < MinYear or > MaxYear)
        {
            return $"year（报告年度）应在{MinYear}至{MaxYear}之间。";
        }

        if (page is < 1 or > MaxPage)
        {
            return $"page（页码）应在1至{MaxPage}之间。";
        }

        if (pageSize is < 1 or > PublicReportFilter.MaxPageSize)
        {
            return $"pageSize（每页条数）应在1至{PublicReportFilter.MaxPageSize}之间。";
        }

        if (q is not null && q.Any(char.IsControl))
        {
            return "q（搜索词）不能包含控制字符。";
        }

        if (region is not null && region.Any(char.IsControl))
        {
            return "region（地区）不能包含控制字符。";
        }

        return null;
    }
}
