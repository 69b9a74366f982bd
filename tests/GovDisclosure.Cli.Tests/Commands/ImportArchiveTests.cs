using System.Diagnostics;
using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Tests.Shared.Archive;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Tests.Commands;

/// <summary>
/// The short run of scripts/bench-import.sh: a region's archive (JSON, .docx and PDF, four years per agency) imported
/// and published by gd import into a fresh database, as the 1,000-report benchmark does at scale.
/// </summary>
public sealed class ImportArchiveTests : IAsyncLifetime
{
    private const int Agencies = 3;
    private readonly string folder = Directory.CreateTempSubdirectory("gd-archive-").FullName;
    private string cs = string.Empty;

    public async Task InitializeAsync() => cs = await TestDatabase.CreateAsync("gd_cli_archive");

    public async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await TestDatabase.DropAsync(cs);
    }

    [Fact]
    public async Task An_archive_of_four_years_per_agency_in_every_shape_is_published_in_full_and_a_second_run_changes_nothing()
    {
        var (agencies, map, files) = HistoryCorpus.Write(Fixtures(), folder, Agencies);
        Assert.Equal(0, await AgencyImportCommand.RunAsync([agencies, "--connection", cs], TextWriter.Null, TextWriter.Null));

        var clock = Stopwatch.StartNew();
        var output = new StringWriter();
        var code = await ImportCommand.RunAsync([files, "--agency-map", map, "--publish", "--connection", cs], output, TextWriter.Null, progress: false);
        clock.Stop();

        Assert.True(code == 0, output.ToString());
        Assert.Contains($"导入{Agencies * HistoryCorpus.YearsPerAgency}个", output.ToString());
        await using (var db = TestDatabase.Context(cs))
        {
            var published = await db.Publications.AsNoTracking().Select(p => new { p.Report!.Agency!.Code, p.Year, p.Origin }).ToListAsync();
            Assert.Equal(Agencies * HistoryCorpus.YearsPerAgency, published.Count);
            Assert.All(published, p => Assert.Equal(ReportOrigin.ImportedHistory, p.Origin));
            Assert.All(published.GroupBy(p => p.Code), g => Assert.Equal([2019, 2020, 2021, 2022], g.Select(p => p.Year).Order()));
        }

        var again = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync([files, "--agency-map", map, "--publish", "--connection", cs], again, TextWriter.Null, progress: false));
        Assert.Contains($"导入0个，已存在{Agencies * HistoryCorpus.YearsPerAgency}个", again.ToString());

        // Not a benchmark (the machine is shared); a run of minutes would mean something is badly wrong.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"{Agencies * HistoryCorpus.YearsPerAgency} reports took {clock.Elapsed}");
    }

    private static string Fixtures()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "GovDisclosure.Import.Documents.Tests", "Fixtures");
    }
}
