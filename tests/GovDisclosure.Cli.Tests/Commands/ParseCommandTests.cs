using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Cli.Tests.Commands;

public sealed class ParseCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("gd-parse-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Parsing_sample_003_prints_interchange_json_that_reads_back_as_the_report()
    {
        var (code, stdout, stderr) = await Run(CliSamples.Path(CliSamples.Xinhua2021));

        Assert.Equal(0, code);
        var report = InterchangeJson.Read(stdout);
        Assert.Equal(TemplateVersion.T2021, report.Template);
        Assert.Equal(2021, report.Year);
        Assert.Equal("新华区人民政府办公室", report.Agency);
        Assert.Equal(3, report.Cells["s3.received.natural"]);
        Assert.Equal(54, report.Cells["s2.normative.effective"]);
        Assert.Equal("0.0000", JsonDocument.Parse(stdout).RootElement.GetProperty("cells").GetProperty("s2.fees.amount").GetString());

        // What the importer had to say goes to standard error, so standard output stays pure JSON.
        Assert.Contains("IMPORT-INFERRED", stderr, StringComparison.Ordinal);
        Assert.Contains("s3.granted.natural", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parsing_sample_000_keeps_blank_cells_out_of_the_cells_and_computes_blank_totals_under_derived()
    {
        var (code, stdout, stderr) = await Run(CliSamples.Path(CliSamples.Yinzhou2020));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var cells = root.GetProperty("cells");
        Assert.Equal(47, cells.GetProperty("s3.received.natural").GetInt32());
        Assert.Equal("3.2700", cells.GetProperty("s2.procurement.amount").GetString());
        Assert.False(cells.TryGetProperty("s3.received.research", out _));
        Assert.False(cells.TryGetProperty("s3.withheld.1.total", out _));
        Assert.Equal(0, root.GetProperty("derived").GetProperty("s3.withheld.1.total").GetInt32());
    }

    [Fact]
    public async Task A_dash_reads_the_report_from_standard_input()
    {
        var bytes = File.ReadAllBytes(CliSamples.Path(CliSamples.Beilun2020));

        var (code, stdout, _) = await Run(["-"], bytes);

        Assert.Equal(0, code);
        Assert.Equal(56.01m, InterchangeJson.Read(stdout).Cells["s2.procurement.amount"]);
    }

    [Fact]
    public async Task Text_format_lists_each_written_cell_with_its_code_value_and_name()
    {
        var (code, stdout, _) = await Run(CliSamples.Path(CliSamples.Yinzhou2020), "--format", "text");

        Assert.Equal(0, code);
        Assert.Contains("s3.received.natural\t47\t三 一、本年新收申请数量 — 自然人", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3.received.research", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_file_is_parsed_by_its_extension()
    {
        var path = Path.Combine(dir.FullName, "report.md");
        File.WriteAllText(path, CliSamples.Markdown2021());

        var (code, stdout, stderr) = await Run(path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(7, InterchangeJson.Read(stdout).Cells["s3.received.natural"]);
    }

    [Fact]
    public async Task Values_that_cannot_be_placed_still_print_the_json_but_exit_1_naming_the_row()
    {
        var path = Path.Combine(dir.FullName, "short.md");
        File.WriteAllText(path, CliSamples.Markdown2021().Replace("| 二、上年结转政府信息公开申请数量 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| 二、上年结转政府信息公开申请数量 | 1 | 1 |", StringComparison.Ordinal));

        var (code, stdout, stderr) = await Run(path);

        Assert.Equal(1, code);
        Assert.True(InterchangeJson.Read(stdout).Cells.IsBlank("s3.carried_in.natural"));
        Assert.Contains("IMPORT-UNPLACED", stderr, StringComparison.Ordinal);
        Assert.Contains("上年结转", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("notes.txt", "这不是年度报告，只是一段说明。")]
    [InlineData("page.html", "<html><body>" + "<div>" + "</body></html>")]
    public async Task Input_that_is_not_a_report_is_exit_code_2_with_a_one_line_reason(string name, string content)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content);

        var (code, stdout, stderr) = await Run(path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("无法读取", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_is_exit_code_2()
    {
        var path = Path.Combine(dir.FullName, "scan.txt");
        File.WriteAllBytes(path, [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xFF]);

        var (code, _, stderr) = await Run(path);

        Assert.Equal(2, code);
        Assert.Contains("二进制", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_with_exit_code_2_without_reading_it()
    {
        var path = Path.Combine(dir.FullName, "huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, stderr) = await Run(path);

        Assert.Equal(2, code);
        Assert.Contains("过大", stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_missing_file_is_exit_code_2_and_says_so()
    {
        var (code, _, stderr) = await Run(Path.Combine(dir.FullName, "nope.txt"));

        Assert.Equal(2, code);
        Assert.Contains("文件不存在", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("a.txt", "b.txt")]
    [InlineData("a.txt", "--format", "xml")]
    [InlineData("a.txt", "--bogus")]
    public async Task Wrong_usage_is_exit_code_2_with_the_usage_line(params string[] args)
    {
        var (code, _, stderr) = await Run(args);

        Assert.Equal(2, code);
        Assert.Contains(ParseCommand.Usage, stderr, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> Run(params string[] args) => Run(args, []);

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string[] args, byte[] stdin)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await ParseCommand.RunAsync(args, stdout, stderr, () => new MemoryStream(stdin));
        return (code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>The shared samples as shipped for gd demo (src/GovDisclosure.Cli/DemoData), and a small Markdown report.</summary>
internal static class CliSamples
{
    public const string Yinzhou2020 = "000_ffb7cb016be5db93.txt";
    public const string Beilun2020 = "001_34264c7ee48481bb.txt";
    public const string Xinhua2021 = "003_07ea97a0e0dbb2b9.txt";

    public static string Path(string name, [CallerFilePath] string source = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "..", "..", "..", "src", "GovDisclosure.Cli", "DemoData", name));

    /// <summary>A balanced 2021 report as Markdown pipe tables, every cell written.</summary>
    public static string Markdown2021()
    {
        var md = new StringBuilder();
        md.AppendLine("# 示范区人民政府办公室2021年政府信息公开工作年度报告");
        md.AppendLine("## 一、总体情况");
        md.AppendLine("2021年，本机关共收到政府信息公开申请8件。全年未被申请行政复议，未被提起行政诉讼。");
        md.AppendLine("## 二、主动公开政府信息情况");
        md.AppendLine("| 第二十条第（一）项 | | | |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |");
        md.AppendLine("| 规章 | 0 | 0 | 0 |");
        md.AppendLine("| 行政规范性文件 | 2 | 1 | 30 |");
        md.AppendLine("| 第二十条第（五）项 | | | |");
        md.AppendLine("| 信息内容 | 本年处理决定数量 | | |");
        md.AppendLine("| 行政许可 | 15 | | |");
        md.AppendLine("| 第二十条第（六）项 | | | |");
        md.AppendLine("| 信息内容 | 本年处理决定数量 | | |");
        md.AppendLine("| 行政处罚 | 4 | | |");
        md.AppendLine("| 行政强制 | 0 | | |");
        md.AppendLine("| 第二十条第（八）项 | | | |");
        md.AppendLine("| 信息内容 | 本年收费金额（单位：万元） | | |");
        md.AppendLine("| 行政事业性收费 | 1.5 | | |");
        md.AppendLine("## 三、收到和处理政府信息公开申请情况");
        md.AppendLine("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        md.AppendLine("| | | | 自然人 | 法人或其他组织 | | | | | 总计 |");
        md.AppendLine("| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |");
        string[] rows =
        [
            "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
            "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
            "（七）总计", "四、结转下年度继续办理",
        ];
        foreach (var label in rows)
        {
            var (natural, commercial) = label switch
            {
                "一、本年新收政府信息公开申请数量" => (7, 1),
                "二、上年结转政府信息公开申请数量" => (1, 0),
                "（一）予以公开" => (5, 1),
                "1.本机关不掌握相关政府信息" => (2, 0),
                "（七）总计" => (7, 1),
                "四、结转下年度继续办理" => (1, 0),
                _ => (0, 0),
            };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | | | {natural} | {commercial} | 0 | 0 | 0 | 0 | {natural + commercial} |");
        }

        md.AppendLine("## 四、政府信息公开行政复议、行政诉讼情况");
        md.AppendLine("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        md.AppendLine("| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |");
        md.AppendLine("| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |");
        md.AppendLine("| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
        md.AppendLine("## 五、存在的主要问题及改进情况");
        md.AppendLine("政策解读形式不够丰富。2022年将加强解读。");
        md.AppendLine("## 六、其他需要报告的事项");
        md.AppendLine("本年度未收取信息处理费。");
        return md.ToString();
    }
}
