using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovDisclosure.Infrastructure.Data.Migrations;

/// <summary>
/// 暂存: one server-side draft per report and user (<see cref="Domain.Workflow.ReportDraft"/>), its own table so
/// the report row, its row version and its balance stay untouched by half-typed input.
/// </summary>
[DbContext(typeof(GovDisclosureDbContext))]
[Migration("20261201140000_ReportDrafts")]
public sealed class ReportDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE report_drafts (
                "ReportId" integer NOT NULL,
                "UserId" character varying(450) NOT NULL,
                "UserName" character varying(256) NOT NULL,
                "BaseRowVersion" bigint NOT NULL,
                "BaseRevision" integer NOT NULL,
                "SavedAt" timestamp with time zone NOT NULL,
                "Fields" jsonb NOT NULL,
                CONSTRAINT "PK_report_drafts" PRIMARY KEY ("ReportId", "UserId"),
                CONSTRAINT "FK_report_drafts_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES reports ("Id") ON DELETE CASCADE
            );
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE IF EXISTS report_drafts;");
}
