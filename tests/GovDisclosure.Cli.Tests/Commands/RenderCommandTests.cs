using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Cli.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("gd-render-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Rendering_interchange_json_writes_the_pdf_and_says_where_in_chinese()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "新华区人民政府办公室", "新华区人民政府办公室2021年政府信息公开工作年度报告");
        report.Sections[SectionKeys.Overview] = "2021年共受理并办结政府信息依申请公开4件。";
        report.Cells["s3.received.natural"] = 3;
        var input = Path.Combine(dir.FullName, "report.json");
        File.WriteAllText(input, InterchangeJson.Write(report));
        var output = Path.Combine(dir.FullName, "out.pdf");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await RenderCommand.RunAsync([input, "-o", output, "--date", "2022-01-28"], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Contains($"已生成 {output}", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(output)[..5]);
    }

    [Fact]
    public async Task A_missing_input_file_is_exit_code_1_with_a_chinese_message()
    {
        var stderr = new StringWriter();

        var code = await RenderCommand.RunAsync([Path.Combine(dir.FullName, "nope.json")], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains("文件不存在", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_that_is_not_a_report_is_exit_code_1_and_names_the_problem()
    {
        var input = Path.Combine(dir.FullName, "bad.json");
        File.WriteAllText(input, "{\"template\": \"2030\"}");
        var stderr = new StringWriter();

        var code = await RenderCommand.RunAsync([input], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains("template", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".pdf")));
    }

    [Fact]
    public async Task A_text_file_that_is_no_report_is_refused_through_the_importer()
    {
        var input = Path.Combine(dir.FullName, "notes.txt");
        File.WriteAllText(input, "这不是年度报告。");
        var stderr = new StringWriter();

        var code = await RenderCommand.RunAsync([input], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.NotEqual(string.Empty, stderr.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--date", "31/01/2022", "x.json")]
    [InlineData("a.json", "b.json")]
    public async Task Wrong_usage_is_exit_code_2_with_the_usage_line(params string[] args)
    {
        var stderr = new StringWriter();

        var code = await RenderCommand.RunAsync(args, new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.NotEqual(string.Empty, stderr.ToString());
    }
}
