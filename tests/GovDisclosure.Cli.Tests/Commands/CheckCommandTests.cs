using System.Text;
using System.Text.Json;
using GovDisclosure.Cli.Commands;

namespace GovDisclosure.Cli.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("gd-check-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Sample_000_passes_with_two_warnings_about_its_blank_cells()
    {
        var (code, stdout, stderr) = await Run(CliSamples.Path(CliSamples.Yinzhou2020));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var lines = Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[警告] W_BLANK_AS_ZERO 三、收到和处理政府信息公开申请情况有119个单元格空白", lines[0], StringComparison.Ordinal);
        Assert.Contains("（s3.received.research，", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[警告] W_BLANK_AS_ZERO 四、政府信息公开行政复议、行政诉讼情况有8个单元格空白", lines[1], StringComparison.Ordinal);
        Assert.Equal("鄞州区人民政府办公室2020年政府信息公开工作年度报告（2020年度，2019年版格式（试行））：错误0项，警告2项。", lines[2]);
    }

    [Fact]
    public async Task Sample_001_passes_with_the_unit_it_left_out_and_its_blank_result_rows()
    {
        var (code, stdout, _) = await Run(CliSamples.Path(CliSamples.Beilun2020));

        Assert.Equal(0, code);
        var lines = Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[警告] IMPORT-UNIT “二（九）政府集中采购 — 采购总金额”未写单位（原文“560100”），已按“元”折算为56.0100万元", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("（s2.procurement.amount）", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[警告] W_BLANK_AS_ZERO 三、收到和处理政府信息公开申请情况有114个单元格空白", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("错误0项，警告2项。", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_003_passes_with_its_short_row_and_the_text_that_says_4_requests_where_the_table_says_3()
    {
        var (code, stdout, _) = await Run(CliSamples.Path(CliSamples.Xinhua2021));

        Assert.Equal(0, code);
        var lines = Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[警告] IMPORT-INFERRED “三（一）予以公开”一行原文只有6个数值（2、0、0、0、0、2）", lines[0], StringComparison.Ordinal);
        Assert.Equal("[警告] W_NARRATIVE 正文称收到或受理政府信息公开申请4件，但表三本年新收申请总计为3（上年结转0，办理结果总计3） （s3.received.total，s3.processed.total）", lines[1]);
        Assert.Equal("政府办2021年政府信息公开工作年度报告（2021年度，2021年版格式）：错误0项，警告2项。", lines[2]);
    }

    [Fact]
    public async Task Sample_000_with_one_number_changed_breaks_R3_A_exits_1_and_names_the_cell()
    {
        // 结转下年度继续办理, 自然人: 3 → 4, so 47 + 4 = 51 but 48 + 4 = 52.
        var text = File.ReadAllText(CliSamples.Path(CliSamples.Yinzhou2020));
        var changed = text.Replace("\t四、结转下年度继续办理\n\t3\n", "\t四、结转下年度继续办理\n\t4\n", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var path = Path.Combine(dir.FullName, "000-changed.txt");
        File.WriteAllText(path, changed);

        var (code, stdout, _) = await Run(path);

        Assert.Equal(1, code);
        var r3a = Assert.Single(Lines(stdout), l => l.Contains(" R3-A ", StringComparison.Ordinal));
        Assert.StartsWith("[错误] R3-A 自然人列：本年新收47＋上年结转4＝51，但办理结果总计48＋结转下年度4＝52", r3a, StringComparison.Ordinal);
        Assert.Contains("s3.carried_out.natural", r3a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_last_years_report_the_carried_over_requests_are_compared_as_X_1_warnings()
    {
        // Sample 000 (2020) carried 3 natural-person and 1 business request into 2021; sample 003 (2021) says none came in.
        var (code, stdout, stderr) = await Run(CliSamples.Path(CliSamples.Xinhua2021), "--previous", CliSamples.Path(CliSamples.Yinzhou2020));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var x1 = Lines(stdout).Where(l => l.Contains(" X-1 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, x1.Count);
        Assert.Equal("[警告] X-1 自然人列：本年“上年结转”0，但2020年报告“结转下年度继续办理”为3 （s3.carried_in.natural）", x1[0]);
        Assert.Contains("s3.carried_in.commercial", x1[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_report_of_another_year_is_not_compared_and_the_user_is_told()
    {
        var (code, stdout, stderr) = await Run(CliSamples.Path(CliSamples.Xinhua2021), "--previous", CliSamples.Path(CliSamples.Xinhua2021));

        Assert.Equal(0, code);
        Assert.Contains("未做跨年度核对", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" X-1 ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_markdown_report_says_nothing_was_found()
    {
        var path = Path.Combine(dir.FullName, "clean.md");
        File.WriteAllText(path, CliSamples.Markdown2021());

        var (code, stdout, _) = await Run(path);

        Assert.Equal(0, code);
        Assert.Equal("示范区人民政府办公室2021年政府信息公开工作年度报告（2021年度，2021年版格式）：未发现问题。", Assert.Single(Lines(stdout)));
    }

    [Fact]
    public async Task Json_format_prints_the_report_with_each_finding_as_rule_severity_cells_and_message()
    {
        var (code, stdout, _) = await Run(CliSamples.Path(CliSamples.Xinhua2021), "--format", "json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        Assert.Equal(3, root.GetProperty("cells").GetProperty("s3.received.natural").GetInt32());
        Assert.Equal(["warning", "warning"], root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()));
        var narrative = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "W_NARRATIVE");
        Assert.Equal("warning", narrative.GetProperty("severity").GetString());
        Assert.Equal(["s3.received.total", "s3.processed.total"], narrative.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_dash_checks_the_report_on_standard_input()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await CheckCommand.RunAsync(["-"], stdout, stderr, () => new MemoryStream(File.ReadAllBytes(CliSamples.Path(CliSamples.Yinzhou2020))));

        Assert.Equal(0, code);
        Assert.Contains("W_BLANK_AS_ZERO", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "", "为空")]
    [InlineData("notes.txt", "这不是年度报告。", "不是政府信息公开工作年度报告")]
    [InlineData("deep.html", "DEEP", "嵌套")]
    [InlineData("span.html", "<table><tr><td colspan=\"99999999\">规章</td></tr></table>", "colspan")]
    [InlineData("bad.json", "{\"template\": \"2021\", \"year\": ", "JSON")]
    public async Task Input_that_is_not_a_report_is_exit_code_2_with_a_one_line_reason(string name, string content, string reason)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content == "DEEP" ? string.Concat(Enumerable.Repeat("<div>", 50_000)) : content);

        var (code, stdout, stderr) = await Run(path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Contains(name, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_utf8_file_is_exit_code_2()
    {
        var path = Path.Combine(dir.FullName, "gbk.txt");
        File.WriteAllBytes(path, [0xC8, 0xFD, 0xA1, 0xA2, 0xCA, 0xD5, 0xB5, 0xBD]);

        var (code, _, stderr) = await Run(path);

        Assert.Equal(2, code);
        Assert.Contains("UTF-8", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_previous_report_is_exit_code_2_and_says_which_file()
    {
        var (code, _, stderr) = await Run(CliSamples.Path(CliSamples.Xinhua2021), "--previous", Path.Combine(dir.FullName, "nope.txt"));

        Assert.Equal(2, code);
        Assert.StartsWith("上一年度报告：文件不存在", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--previous")]
    [InlineData("a.txt", "--format", "csv")]
    public async Task Wrong_usage_is_exit_code_2_with_the_usage_line(params string[] args)
    {
        var (code, _, stderr) = await Run(args);

        Assert.Equal(2, code);
        Assert.Contains(CheckCommand.Usage, stderr, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CheckCommand.RunAsync(args, stdout, stderr, () => new MemoryStream(Encoding.UTF8.GetBytes(string.Empty)));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
