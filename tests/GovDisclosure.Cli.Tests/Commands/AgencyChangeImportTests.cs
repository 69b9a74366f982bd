using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Tests.Commands;

/// <summary>gd agency import with the 机构改革 columns: predecessors, successors and how they changed.</summary>
public sealed class AgencyChangeImportTests
{
    private const string Header = "code,name,kind,level,parent_code,reports_from,reports_until,predecessors,successors,change";

    [Fact]
    public async Task A_merger_and_a_rename_are_recorded_with_the_day_they_took_effect_and_a_second_import_adds_nothing()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_agency_links");
        var file = Path.GetTempFileName();
        try
        {
            // Two bureaus merge into a new one on 2024-01-01; another is renamed (named from its side) the same day.
            await File.WriteAllTextAsync(file, $"""
                {Header}
                XQ,新区人民政府,人民政府,县级,,,,,,
                XQ-A,新区文化局,政府部门,县级,XQ,,2023-12-31,,,
                XQ-B,新区旅游局,政府部门,县级,XQ,,2023-12-31,,,
                XQ-C,新区文化和旅游局,政府部门,县级,XQ,2024-01-01,,XQ-A;XQ-B,,合并
                XQ-D,新区科技局,政府部门,县级,XQ,,2023-12-31,,XQ-E,更名
                XQ-E,新区科学技术局,政府部门,县级,XQ,2024-01-01,,,,
                """);

            var first = await Run(file, cs);
            var second = await Run(file, cs);

            Assert.Equal(0, first.Code);
            Assert.Contains("记录机构沿革3条", first.Out);
            Assert.Equal(0, second.Code);
            Assert.DoesNotContain("机构沿革", second.Out);
            await using var db = TestDatabase.Context(cs);
            var links = await db.AgencyLinks.Select(l => new { From = l.Predecessor!.Code, To = l.Successor!.Code, l.Change, l.EffectiveOn })
                .OrderBy(l => l.From).ToListAsync();
            Assert.Equal(
                [("XQ-A", "XQ-C", AgencyChange.MergedInto), ("XQ-B", "XQ-C", AgencyChange.MergedInto), ("XQ-D", "XQ-E", AgencyChange.Renamed)],
                links.Select(l => (l.From, l.To, l.Change)));
            Assert.All(links, l => Assert.Equal(new DateOnly(2024, 1, 1), l.EffectiveOn));
            // The merged bureaus are not expected to report for 2024; their successor is not expected for 2023.
            var merged = await db.Agencies.SingleAsync(a => a.Code == "XQ-A");
            var successor = await db.Agencies.SingleAsync(a => a.Code == "XQ-C");
            Assert.Equal((true, false), (merged.ReportsFor(2023), merged.ReportsFor(2024)));
            Assert.Equal((false, true), (successor.ReportsFor(2023), successor.ReportsFor(2024)));
        }
        finally
        {
            File.Delete(file);
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task A_change_without_its_date_or_naming_an_unknown_agency_imports_nothing_and_says_which_row()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_agency_links_bad");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $"""
                {Header}
                XR,新城人民政府,人民政府,县级,,,,,,
                XR-A,新城甲局,政府部门,县级,XR,,,XR,,合并
                XR-B,新城乙局,政府部门,县级,XR,2024-01-01,,NOPE,,合并
                XR-C,新城丙局,政府部门,县级,XR,2024-01-01,,XR,,改组
                """);

            var result = await Run(file, cs);

            Assert.Equal(1, result.Code);
            Assert.Contains("第3行：填写了 predecessors（前身机构）时，须填 reports_from", result.Err);
            Assert.Contains("第5行：change（变更方式）“改组”无法识别", result.Err);
            Assert.Contains("未导入任何机构", result.Err);
            await using var db = TestDatabase.Context(cs);
            Assert.False(await db.Agencies.AnyAsync(a => a.Code.StartsWith("XR")));
        }
        finally
        {
            File.Delete(file);
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task A_predecessor_code_found_nowhere_is_named_in_the_refusal()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_agency_links_missing");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $"""
                {Header}
                XS,新镇人民政府,人民政府,县级,,,,,,
                XS-B,新镇乙局,政府部门,县级,XS,2024-01-01,,NOPE,,合并
                """);

            var result = await Run(file, cs);

            Assert.Equal(1, result.Code);
            Assert.Contains("第3行：前身或继任机构代码 NOPE 既不在文件中也不在数据库中", result.Err);
            await using var db = TestDatabase.Context(cs);
            Assert.False(await db.Agencies.AnyAsync(a => a.Code.StartsWith("XS")));
        }
        finally
        {
            File.Delete(file);
            await TestDatabase.DropAsync(cs);
        }
    }

    private static async Task<(int Code, string Out, string Err)> Run(string file, string cs)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await AgencyImportCommand.RunAsync([file, "--connection", cs], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
