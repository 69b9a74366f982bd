using System.Security.Cryptography;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class PublicationTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_publication");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Publishing_stores_state_pdf_hash_snapshot_cells_and_audit_together()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Approved);

        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));

        await using var db = world.Db();
        var publication = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id);
        Assert.StartsWith("%PDF", System.Text.Encoding.UTF8.GetString(publication.Pdf));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publication.Pdf)), publication.PdfSha256);
        var report = await world.LoadAsync(id);
        Assert.Equal(InterchangeJson.Write(report.ToDocument("新华区甲局")), publication.InterchangeJson);
        var snapshot = InterchangeJson.Read(publication.InterchangeJson);
        Assert.Equal((2021, "新华区甲局"), (snapshot.Year, snapshot.Agency));
        Assert.Equal(5m, snapshot.Cells.Get("s3.received.natural"));
        Assert.Contains(publication.Cells, c => c.Code == "s3.carried_out.total" && c.Value == 2);
        Assert.Equal(("u-rv", "区审核人"), (publication.PublishedById, publication.PublishedByName));
        Assert.Equal(ReportState.Published, report.State);
        var audit = Assert.Single(await world.AuditAsync(id), a => a.Action == AuditActions.Published);
        Assert.Contains(publication.PdfSha256, audit.Detail);
    }

    [Fact]
    public async Task Publishing_stores_the_warnings_with_their_numbers_and_explanations_in_the_same_row()
    {
        await world.ReportInStateAsync(world.FillerA, 2020, ReportState.Published, Balanced(2020, carriedOut: 2));
        var id = Ok(await world.StartAsync(world.FillerA, 2021)).ReportId!.Value;
        var carried = (await world.LoadAsync(id)).CarriedValues.Keys.ToDictionary(k => k, _ => "上年报告结转数有误，已核实。");
        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021, carriedIn: 3, carriedOut: 3), carried);
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));

        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));

        await using var db = world.Db();
        var publication = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id);
        var stored = Assert.Single(publication.Findings!, f => f.RuleId == Domain.Rules.RuleIds.CarriedOverAcrossYears);
        Assert.Equal(3m, stored.Numbers[stored.CellCodes[0]]);
        Assert.Equal((2m, 2020m), (stored.Numbers["previousCarriedOut"], stored.Numbers["previousYear"]));
        Assert.Equal("经核实数据无误。", stored.Explanation);
        Assert.Equal(FindingSeverity.Warning, stored.Severity);
    }

    [Fact]
    public async Task Listeners_hear_of_a_publication_once_it_is_committed_and_not_of_a_failed_one()
    {
        var listener = new RecordingListener(world.Connection);
        world.Listeners.Add(listener);
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Approved);
        world.Pdf.Fail = true;
        Assert.False((await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id))).IsOk);
        Assert.Empty(listener.Heard);

        world.Pdf.Fail = false;
        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));

        var (published, wasCommitted) = Assert.Single(listener.Heard);
        Assert.Equal((id, 1), (published.ReportId, published.Revision));
        Assert.True(wasCommitted);
    }

    [Fact]
    public async Task A_publication_whose_pdf_step_fails_leaves_the_report_unpublished()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Approved);
        var before = await world.LoadAsync(id);
        var auditBefore = await world.AuditAsync(id);
        world.Pdf.Fail = true;

        var result = await world.PublishAsync(world.Reviewer, id, before.RowVersion);

        Assert.Equal(UseCaseStatus.Refused, result.Status);
        Assert.Equal(PublishReport.PdfFailedMessage, result.Message);
        var after = await world.LoadAsync(id);
        Assert.Equal((ReportState.Approved, (int?)null, before.RowVersion), (after.State, after.PublishedRevision, after.RowVersion));
        Assert.Equal(auditBefore.Count, (await world.AuditAsync(id)).Count);
        await using var db = world.Db();
        Assert.False(await db.Publications.AnyAsync(p => p.ReportId == id));

        // Once the renderer works again the same approved revision publishes.
        world.Pdf.Fail = false;
        Ok(await world.PublishAsync(world.Reviewer, id, before.RowVersion));
    }

    [Fact]
    public async Task A_publication_that_fails_in_the_database_after_the_state_change_is_rolled_back_entirely()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Approved);
        var before = await world.LoadAsync(id);

        // The report row is updated before the publication rows are inserted; make the last insert fail.
        await Execute("""
            CREATE FUNCTION test_fail_cells() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER test_fail_cells BEFORE INSERT ON publication_cells FOR EACH ROW EXECUTE FUNCTION test_fail_cells();
            """);

        await Assert.ThrowsAsync<DbUpdateException>(() => world.PublishAsync(world.Reviewer, id, before.RowVersion));

        var after = await world.LoadAsync(id);
        Assert.Equal((ReportState.Approved, before.RowVersion), (after.State, after.RowVersion));
        Assert.DoesNotContain(await world.AuditAsync(id), a => a.Action == AuditActions.Published);
        await using var db = world.Db();
        Assert.False(await db.Publications.AnyAsync(p => p.ReportId == id));
    }

    [Theory]
    [InlineData("""UPDATE audit_entries SET "Detail" = 'x'""")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries CASCADE")]
    [InlineData("""UPDATE publications SET "PdfSha256" = repeat('0', 64)""")]
    [InlineData("DELETE FROM publications")]
    [InlineData("""UPDATE publications SET "Findings" = '[]'""")]
    [InlineData("""UPDATE publications SET "Findings" = NULL""")]
    [InlineData("""UPDATE publication_cells SET "Value" = 0""")]
    public async Task The_database_refuses_to_rewrite_history(string sql)
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Published);
        var trail = await world.AuditAsync(id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(sql));

        Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
        Assert.Contains("只能追加", error.MessageText);
        Assert.Equal(trail.Select(a => a.Detail), (await world.AuditAsync(id)).Select(a => a.Detail));
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(world.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
