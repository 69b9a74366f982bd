using System.Security.Cryptography;
using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Import;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Tests.Commands;

/// <summary>gd import over a folder of the committed .docx/PDF fixtures into a fresh database.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private const string Unbalanced = "s3.received.natural";
    private readonly string folder = Directory.CreateTempSubdirectory("gd-import-").FullName;
    private string cs = string.Empty;

    public async Task InitializeAsync()
    {
        cs = await TestDatabase.CreateAsync("gd_cli_import");
        await using var db = TestDatabase.Context(cs);
        db.Agencies.AddRange(
            new Agency("鄞州区人民政府办公室", "YZ", AgencyKind.Department, AdministrativeLevel.County, null),
            new Agency("某县发展和改革局", "FZ", AgencyKind.Department, AdministrativeLevel.County, null),
            new Agency("某县人民政府办公室", "ZFB", AgencyKind.Department, AdministrativeLevel.County, null));
        await db.SaveChangesAsync();

        // 000 names its agency in full (matched by name); 001 says only 发展局 (the map's pattern); 003 sits in a folder the map names.
        File.Copy(Fixture("000_ffb7cb016be5db93.docx"), Path.Combine(folder, "000_ffb7cb016be5db93.docx"));
        File.Copy(Fixture("001_34264c7ee48481bb.pdf"), Path.Combine(folder, "001_34264c7ee48481bb.pdf"));
        Directory.CreateDirectory(Path.Combine(folder, "政府办"));

        // As published: 新收 raised by 5 without the totals, so table 三 no longer balances.
        var report = ReportFile.Read("003.txt", await File.ReadAllBytesAsync(Fixture("003_07ea97a0e0dbb2b9.txt"))).Report;
        report.Cells[Unbalanced] = (report.Cells.Get(Unbalanced) ?? 0) + 5;
        await File.WriteAllTextAsync(Path.Combine(folder, "政府办", "2021.json"), InterchangeJson.Write(report));
        await File.WriteAllTextAsync(Map, "pattern,code\n001_*,FZ\n政府办,ZFB\n");
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await TestDatabase.DropAsync(cs);
    }

    private string Map => Path.Combine(Path.GetTempPath(), $"{Path.GetFileName(folder)}-map.csv");

    [Fact]
    public async Task A_folder_becomes_historical_reports_of_the_right_agency_and_year_with_unbalanced_numbers_kept()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"{Path.GetFileName(folder)}-result.csv");

        var (code, output, _) = await Run(folder, "--agency-map", Map, "--report", csv, "--connection", cs);

        Assert.True(code == 0, output);
        Assert.Contains("导入3个", output);
        await using var db = TestDatabase.Context(cs);
        var reports = await db.Reports.AsNoTracking().Include(r => r.Agency).OrderBy(r => r.Agency!.Code).ToListAsync();
        Assert.Equal([("FZ", 2020), ("YZ", 2020), ("ZFB", 2021)], reports.Select(r => (r.Agency!.Code, r.Year)));
        Assert.All(reports, r => Assert.Equal((ReportOrigin.ImportedHistory, ReportState.Approved), (r.Origin, r.State)));

        var zfb = reports.Single(r => r.Agency!.Code == "ZFB");
        var original = await File.ReadAllBytesAsync(Path.Combine(folder, "政府办", "2021.json"));
        Assert.Contains(zfb.Check(zfb.ToDocument("某县人民政府办公室"), null), f => f.IsError && f.CellCodes.Contains(Unbalanced));
        Assert.Equal(ReportFile.Read("2021.json", original).Report.Cells.Get(Unbalanced), zfb.Cells[Unbalanced]);

        var source = await db.HistoricalSources.AsNoTracking().SingleAsync(s => s.ReportId == zfb.Id);
        Assert.Equal(original, source.Bytes);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(original)), "2021.json", "application/json"), (source.Sha256, source.FileName, source.ContentType));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.ReportId == zfb.Id).ToListAsync(),
            a => a.Action == AuditActions.ImportedHistory && a.UserName.StartsWith("命令行导入", StringComparison.Ordinal));

        var table = await File.ReadAllLinesAsync(csv);
        Assert.Equal("file,agency,year,template,cells_read,findings,status,message", table[0]);
        Assert.Equal(4, table.Length);
        Assert.Contains(table, l => l.StartsWith("000_ffb7cb016be5db93.docx,YZ,2020,", StringComparison.Ordinal) && l.Contains(",Imported,", StringComparison.Ordinal));
        File.Delete(csv);
    }

    [Fact]
    public async Task Running_again_changes_nothing_and_an_existing_report_is_reported_not_overwritten()
    {
        Assert.Equal(0, (await Run(folder, "--agency-map", Map, "--connection", cs)).Code);
        await using var before = TestDatabase.Context(cs);
        var cells = await before.Reports.AsNoTracking().Select(r => new { r.Id, r.Cells, r.UpdatedAt }).OrderBy(r => r.Id).ToListAsync();

        // The same files again, plus another file for ZFB 2021 (the .docx of the same report).
        File.Copy(Fixture("003_07ea97a0e0dbb2b9.docx"), Path.Combine(folder, "政府办", "2021-word.docx"));
        var (code, output, _) = await Run(folder, "--agency-map", Map, "--connection", cs);

        Assert.Equal(0, code);
        Assert.Contains("导入0个，已存在4个，失败0个", output);
        Assert.Contains("该单位该年度已有报告，未覆盖", output);
        await using var after = TestDatabase.Context(cs);
        var again = await after.Reports.AsNoTracking().Select(r => new { r.Id, r.Cells, r.UpdatedAt }).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(cells.Select(c => (c.Id, c.UpdatedAt, c.Cells.Count, c.Cells.GetValueOrDefault(Unbalanced))),
            again.Select(c => (c.Id, c.UpdatedAt, c.Cells.Count, c.Cells.GetValueOrDefault(Unbalanced))));
        Assert.Equal(3, await after.HistoricalSources.CountAsync());
    }

    [Fact]
    public async Task Publish_makes_them_public_with_the_rendered_pdf_the_original_and_every_finding()
    {
        var (code, output, _) = await Run(folder, "--agency-map", Map, "--publish", "--connection", cs);

        Assert.Equal(0, code);
        Assert.Contains("已导入并发布", output);
        await using var db = TestDatabase.Context(cs);
        var publications = await db.Publications.AsNoTracking().ToListAsync();
        Assert.Equal(3, publications.Count);
        Assert.All(publications, p => Assert.Equal(ReportOrigin.ImportedHistory, p.Origin));
        Assert.All(publications, p => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(p.Pdf, 0, 4), StringComparison.Ordinal));
        var zfb = publications.Single(p => p.Year == 2021);
        Assert.Contains(zfb.Findings!, f => f.Severity == FindingSeverity.Error && f.CellCodes.Contains(Unbalanced));
        Assert.Equal(ReportState.Published, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == zfb.ReportId)).State);
    }

    [Fact]
    public async Task The_result_table_lists_every_file_once_in_path_order_and_one_broken_file_fails_the_run_but_not_the_others()
    {
        // Read and published by several workers at once: whichever finishes first, the table keeps the folder's order.
        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.pdf"), "%PDF-1.7 not really"u8.ToArray());
        var csv = Path.Combine(Path.GetTempPath(), $"{Path.GetFileName(folder)}-order.csv");

        var (code, output, _) = await Run(folder, "--agency-map", Map, "--publish", "--report", csv, "--connection", cs);

        Assert.Equal(1, code);
        Assert.Contains("导入3个，已存在0个，失败1个", output);
        var table = (await File.ReadAllLinesAsync(csv)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["000_ffb7cb016be5db93.docx", "001_34264c7ee48481bb.pdf", "broken.pdf", Path.Combine("政府办", "2021.json")], table.Select(r => r[0]));
        Assert.Equal(["Published", "Published", "Refused", "Published"], table.Select(r => r[6]));
        Assert.Equal(["YZ", "FZ", string.Empty, "ZFB"], table.Select(r => r[1]));
        await using var db = TestDatabase.Context(cs);
        Assert.Equal(3, await db.Publications.CountAsync());
        Assert.Equal(3, await db.HistoricalSources.CountAsync());
        File.Delete(csv);
    }

    [Fact]
    public async Task A_file_whose_agency_cannot_be_told_fails_and_the_exit_code_says_so()
    {
        var (code, output, _) = await Run(Path.Combine(folder, "001_34264c7ee48481bb.pdf"), "--connection", cs);

        Assert.Equal(1, code);
        Assert.Contains("无法确定所属单位", output);
        Assert.Contains("发展局", output);
        await using var db = TestDatabase.Context(cs);
        Assert.Equal(0, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task Parse_reads_a_word_file_and_refuses_a_broken_pdf_with_one_chinese_line()
    {
        var broken = Path.Combine(folder, "broken.pdf");
        await File.WriteAllBytesAsync(broken, "%PDF-1.7 not really"u8.ToArray());

        var word = await RunVerb(ParseCommand.RunAsync, Fixture("000_ffb7cb016be5db93.docx"));
        var refused = await RunVerb(CheckCommand.RunAsync, broken);

        Assert.Equal(0, word.Code);
        Assert.Contains("\"year\": 2020", word.Out);
        Assert.Equal(2, refused.Code);
        Assert.Single(refused.Err.Trim().Split('\n'));
        Assert.Contains("broken.pdf", refused.Err);
    }

    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "GovDisclosure.Import.Documents.Tests", "Fixtures", name);
    }

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) =>
        RunVerb((a, o, e) => ImportCommand.RunAsync(a, o, e, progress: false), args);

    private static async Task<(int Code, string Out, string Err)> RunVerb(Func<string[], TextWriter, TextWriter, Task<int>> verb, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await verb(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
