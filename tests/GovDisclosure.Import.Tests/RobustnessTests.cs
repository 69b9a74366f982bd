using System.Diagnostics;
using System.Text;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Import.Tests;

/// <summary>
/// Input that is not a report ends quickly in <see cref="ReportFormatException"/> with a one-line Chinese
/// reason: never a stack trace, a hang or an exception of another type.
/// </summary>
public sealed class RobustnessTests
{
    // A hang would take minutes; the work itself takes well under a second (docs/importers.md). The margin
    // is for the shared 2-core machine, where a load of 15 makes everything several times slower.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    [InlineData("\ufeff")]
    public void Empty_text_is_refused_as_empty(string content)
    {
        var error = Refused(() => ReportImporter.Import(content));

        Assert.Contains("为空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var error = Refused(() => ReportImporter.Import([], "report.txt"));

        Assert.Contains("为空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_as_binary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var error = Refused(() => ReportImporter.Import(png, "report.txt"));

        Assert.Contains("二进制", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gbk_encoded_report_is_refused_with_a_hint_to_save_as_utf8()
    {
        // 「三、收到和处理政府信息公开申请情况」 in GBK: invalid as UTF-8.
        byte[] gbk = [0xC8, 0xFD, 0xA1, 0xA2, 0xCA, 0xD5, 0xB5, 0xBD, 0xBA, 0xCD, 0xB4, 0xA6, 0xC0, 0xED];

        var error = Refused(() => ReportImporter.Import(gbk, "report.txt"));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_a_hint_to_save_as_utf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("三、收到和处理政府信息公开申请情况")).ToArray();

        var error = Refused(() => ReportImporter.Import(bytes, "report.txt"));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_file_is_refused_before_it_is_read()
    {
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'0');

        var error = Refused(() => ReportImporter.Import(bytes, "report.txt"));

        Assert.Contains("过大", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_just_under_the_size_limit_without_tables_is_refused_quickly_as_not_a_report()
    {
        var line = "这是一段很长的说明文字，不包含任何统计表格。" + '\n';
        var content = new StringBuilder();
        while (content.Length + line.Length < ReportImporter.MaxBytes / 4)
        {
            content.Append(line);
        }

        var error = Refused(() => ReportImporter.Import(content.ToString()));

        Assert.Contains("不是政府信息公开工作年度报告", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_table_of_numbers_is_read_or_refused_within_seconds()
    {
        var content = new StringBuilder("三、收到和处理政府信息公开申请情况\n");
        for (var i = 0; i < 200_000; i++)
        {
            content.Append("1\t2\t3\t4\t5\t6\t7\n");
        }

        var error = Refused(() => ReportImporter.Import(content.ToString()));

        Assert.Contains("表格单元格超过", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_nested_fifty_thousand_deep_is_refused_quickly()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "三" + string.Concat(Enumerable.Repeat("</div>", 50_000)) + "</body></html>";

        var error = Refused(() => ReportImporter.Import(html, ImportFormat.Html));

        Assert.Contains("嵌套", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_a_quarter_of_a_million_cells_is_refused_before_it_is_parsed()
    {
        var html = "<table><tr>" + string.Concat(Enumerable.Repeat("<td>1</td>", 250_000)) + "</tr></table>";

        var error = Refused(() => ReportImporter.Import(html, ImportFormat.Html));

        Assert.Contains("HTML标签超过", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_an_absurd_colspan_is_refused_naming_the_attribute()
    {
        var html = "<table><tr><td colspan=\"1000000000\">规章</td><td>1</td></tr></table>";

        var error = Refused(() => ReportImporter.Import(html, ImportFormat.Html));

        Assert.Contains("colspan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_an_absurd_rowspan_is_refused_naming_the_attribute()
    {
        var html = "<table><tr><td rowspan=\"99999\">规章</td><td>1</td></tr></table>";

        var error = Refused(() => ReportImporter.Import(html, ImportFormat.Html));

        Assert.Contains("rowspan", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<table><tr><td>规章<td>1<tr><td>行政许可</table></div></span>")]
    [InlineData("<<<>>><table><tr><td></tr></td></table>")]
    [InlineData("<html><body><p>这不是年度报告。</p></body></html>")]
    public void Malformed_or_unrelated_html_is_refused_as_not_a_report(string html)
    {
        var error = Refused(() => ReportImporter.Import(html, ImportFormat.Html));

        Assert.Contains("不是政府信息公开工作年度报告", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"template\": \"2021\", \"year\": ")]
    [InlineData("{\"template\": \"2030\", \"year\": 2021}")]
    [InlineData("[1, 2, 3]")]
    public void Malformed_interchange_json_is_refused_naming_the_problem(string json)
    {
        var error = Refused(() => ReportImporter.Import(Encoding.UTF8.GetBytes(json), "report.json"));

        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void Json_nested_ten_thousand_deep_is_refused()
    {
        var json = "{\"template\":\"2021\",\"year\":2021,\"cells\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        Refused(() => ReportImporter.Import(json, ImportFormat.Json));
    }

    [Theory]
    [InlineData("这不是年度报告。")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |")]
    [InlineData("1\n2\n3\n4\n5")]
    public void Text_that_is_not_a_report_is_refused_as_not_a_report(string content)
    {
        var error = Refused(() => ReportImporter.Import(content));

        Assert.Contains("不是政府信息公开工作年度报告", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_throughout_are_refused_as_binary()
    {
        var content = new string(Enumerable.Range(0, 4000).Select(i => (char)(i % 31 + 1)).ToArray());

        var error = Refused(() => ReportImporter.Import(content));

        Assert.Contains("控制字符", error.Message, StringComparison.Ordinal);
    }

    private static ReportFormatException Refused(Action import)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ReportFormatException>(import);
        watch.Stop();
        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        Assert.DoesNotContain('\n', error.Message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        return error;
    }
}
