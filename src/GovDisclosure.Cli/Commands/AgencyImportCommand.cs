using System.Text;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd agency import FILE.csv: creates agencies from a CSV with the header code,name,kind,level,parent_code and,
/// optionally, reports_from,reports_until (yyyy-MM-dd; the days from which the agency reports and on which it stopped)
/// and then predecessors,successors,change (机构改革: the codes this agency continues or that continue it, and how).
/// A parent may come later in the file or already exist. All rows are checked first and written in one
/// transaction: either the whole file is imported or nothing. Codes that already exist are left alone.
/// </summary>
public static class AgencyImportCommand
{
    public const string Usage = "用法：gd agency import 机构.csv [--connection 连接字符串]\n  表头：code,name,kind,level,parent_code[,reports_from,reports_until[,predecessors,successors,change]]；日期写作 2024-03-01，可留空；kind 为 人民政府/政府部门/乡镇街道/其他；level 为 国家级/省级/设区的市级/县级/乡级\n  predecessors/successors：前身/继任机构代码，多个用分号隔开；change 为 合并/分设/更名；有前身时须填 reports_from，有继任时须填 reports_until";

    private static readonly string[] Header = ["code", "name", "kind", "level", "parent_code"];

    /// <summary>Optional trailing columns: files written before agencies carried dates still import.</summary>
    private static readonly string[] DateColumns = ["reports_from", "reports_until"];

    /// <summary>Optional after the dates: 机构改革. A change takes effect on the successor's reports_from, i.e. the day after the predecessor's reports_until.</summary>
    private static readonly string[] LinkColumns = ["predecessors", "successors", "change"];

    private static readonly char[] CodeSeparators = [';', '；', '、', ' '];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        var connection = CliServices.TakeConnection(rest);
        if (rest.Count != 1)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (connection is null)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        if (!File.Exists(rest[0]))
        {
            await stderr.WriteLineAsync($"找不到文件：{rest[0]}");
            return 1;
        }

        var (rows, errors) = Parse(await File.ReadAllTextAsync(rest[0], Encoding.UTF8));
        await using var services = CliServices.Build(connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
        var existing = await db.Agencies.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal);
        var created = new List<Agency>();

        // Parents first: repeat passes until no row can be placed (then the rest name a missing parent or a cycle).
        // A parent created in this run has no id yet; EF fills the child's foreign key from the navigation.
        var pending = rows.Where(r => !existing.ContainsKey(r.Code)).ToList();
        while (pending.Count > 0 && errors.Count == 0)
        {
            var placeable = pending.Where(r => r.ParentCode is null || existing.ContainsKey(r.ParentCode)).ToList();
            if (placeable.Count == 0)
            {
                errors.AddRange(pending.Select(r => $"第{r.Line}行：上级机构代码 {r.ParentCode} 既不在文件中也不在数据库中（或上下级成环）。"));
                break;
            }

            foreach (var row in placeable)
            {
                pending.Remove(row);
                try
                {
                    var agency = new Agency(row.Name, row.Code, row.Kind, row.Level, row.ParentCode is null ? null : existing[row.ParentCode], row.ReportsFrom, row.ReportsUntil);
                    existing[row.Code] = agency;
                    created.Add(agency);
                    db.Agencies.Add(agency);
                }
                catch (Exception e) when (e is DomainException or ArgumentException)
                {
                    errors.Add($"第{row.Line}行：{e.Message}");
                }
            }
        }

        var links = errors.Count == 0 ? await LinksAsync(db, rows, existing, errors) : 0;
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync(error);
            }

            await stderr.WriteLineAsync($"有{errors.Count}处错误，未导入任何机构。");
            return 1;
        }

        await db.SaveChangesAsync();
        await stdout.WriteLineAsync($"已导入{created.Count}个机构，{rows.Count - created.Count}个代码已存在未改动。"
            + (links > 0 ? $"记录机构沿革{links}条。" : string.Empty));
        return 0;
    }

    /// <summary>
    /// The 机构改革 links the rows name, for new and existing agencies alike (a file may record the merger of agencies
    /// already in the database). A pair already linked, or named from both sides, is recorded once.
    /// </summary>
    private static async Task<int> LinksAsync(GovDisclosureDbContext db, List<Row> rows, Dictionary<string, Agency> agencies, List<string> errors)
    {
        var known = (await db.AgencyLinks.Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync())
            .Select(l => (l.PredecessorId, l.SuccessorId)).ToHashSet();
        var pairs = new HashSet<(string, string)>();
        var added = 0;
        foreach (var row in rows.Where(r => r.Change is not null))
        {
            var own = agencies[row.Code];
            var wanted = row.Predecessors.Select(p => (Predecessor: p, Successor: row.Code, On: row.ReportsFrom!.Value))
                .Concat(row.Successors.Select(s => (Predecessor: row.Code, Successor: s, On: row.ReportsUntil!.Value.AddDays(1))));
            foreach (var (predecessor, successor, on) in wanted)
            {
                var other = predecessor == row.Code ? successor : predecessor;
                if (!agencies.TryGetValue(other, out var otherAgency))
                {
                    errors.Add($"第{row.Line}行：前身或继任机构代码 {other} 既不在文件中也不在数据库中。");
                    continue;
                }

                if (other == row.Code)
                {
                    errors.Add($"第{row.Line}行：机构不能是自己的前身或继任。");
                    continue;
                }

                var (from, to) = predecessor == row.Code ? (own, otherAgency) : (otherAgency, own);
                if (!pairs.Add((predecessor, successor)) || (from.Id != 0 && to.Id != 0 && known.Contains((from.Id, to.Id))))
                {
                    continue;
                }

                db.AgencyLinks.Add(new AgencyLink(from, to, row.Change!.Value, on));
                added++;
            }
        }

        return added;
    }

    internal sealed record Row(int Line, string Code, string Name, AgencyKind Kind, AdministrativeLevel Level, string? ParentCode, DateOnly? ReportsFrom = null, DateOnly? ReportsUntil = null)
    {
        public IReadOnlyList<string> Predecessors { get; init; } = [];

        public IReadOnlyList<string> Successors { get; init; } = [];

        /// <summary>Null when the row names neither predecessors nor successors.</summary>
        public AgencyChange? Change { get; init; }
    }

    internal static (List<Row> Rows, List<string> Errors) Parse(string csv)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        var records = Csv.Read(csv.TrimStart('\uFEFF'));
        var header = records.Count == 0 ? [] : records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var withLinks = header.SequenceEqual(Header.Concat(DateColumns).Concat(LinkColumns));
        var withDates = withLinks || header.SequenceEqual(Header.Concat(DateColumns));
        if (!withDates && !header.SequenceEqual(Header))
        {
            errors.Add($"第1行应为表头：{string.Join(",", Header)}（可再加 {string.Join(",", DateColumns)}，再加 {string.Join(",", LinkColumns)}）");
            return (rows, errors);
        }

        var columns = header.Count;

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fields, line) in records.Select((r, i) => (r, i + 1)).Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Count != columns)
            {
                errors.Add($"第{line}行：应有{columns}列，实有{fields.Count}列。");
                continue;
            }

            var (code, name, kindText, levelText, parent) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4].Trim());
            if (ParseKind(kindText) is not { } kind)
            {
                errors.Add($"第{line}行：机构类型“{kindText}”无法识别，应为 人民政府、政府部门、乡镇街道 或 其他。");
                continue;
            }

            if (ParseLevel(levelText) is not { } level)
            {
                errors.Add($"第{line}行：行政层级“{levelText}”无法识别，应为 国家级、省级、设区的市级、县级 或 乡级。");
                continue;
            }

            if (!codes.Add(code))
            {
                errors.Add($"第{line}行：机构代码 {code} 在文件中重复。");
                continue;
            }

            DateOnly? from = null, until = null;
            if (withDates)
            {
                if (!TryDate(fields[5], out from) || !TryDate(fields[6], out until))
                {
                    errors.Add($"第{line}行：reports_from（开始报告日期）和 reports_until（停止报告日期）应写作 2024-03-01，或留空。");
                    continue;
                }

                if (from is { } f && until is { } u && u < f)
                {
                    errors.Add($"第{line}行：reports_until（停止报告日期）不能早于 reports_from（开始报告日期）。");
                    continue;
                }
            }

            var row = new Row(line, code, name, kind, level, parent.Length == 0 ? null : parent, from, until);
            if (withLinks)
            {
                var predecessors = fields[7].Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var successors = fields[8].Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (predecessors.Length + successors.Length > 0)
                {
                    if (AgencyChanges.Parse(fields[9]) is not { } change)
                    {
                        errors.Add($"第{line}行：change（变更方式）“{fields[9].Trim()}”无法识别，应为 合并、分设 或 更名。");
                        continue;
                    }

                    if (predecessors.Length > 0 && from is null)
                    {
                        errors.Add($"第{line}行：填写了 predecessors（前身机构）时，须填 reports_from（开始报告日期），即变更生效之日。");
                        continue;
                    }

                    if (successors.Length > 0 && until is null)
                    {
                        errors.Add($"第{line}行：填写了 successors（继任机构）时，须填 reports_until（停止报告日期），即变更生效的前一日。");
                        continue;
                    }

                    row = row with { Predecessors = predecessors, Successors = successors, Change = change };
                }
                else if (fields[9].Trim().Length > 0)
                {
                    errors.Add($"第{line}行：填写了 change（变更方式），但没有 predecessors（前身机构）或 successors（继任机构）。");
                    continue;
                }
            }

            rows.Add(row);
        }

        return (rows, errors);
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    private static AgencyKind? ParseKind(string text) => text switch
    {
        "人民政府" or "PeopleGovernment" => AgencyKind.PeopleGovernment,
        "政府部门" or "Department" => AgencyKind.Department,
        "乡镇街道" or "TownshipStreet" => AgencyKind.TownshipStreet,
        "其他" or "Other" => AgencyKind.Other,
        _ => null,
    };

    private static AdministrativeLevel? ParseLevel(string text) => text switch
    {
        "国家级" or "国家" or "National" => AdministrativeLevel.National,
        "省级" or "省" or "Provincial" => AdministrativeLevel.Provincial,
        "设区的市级" or "设区的市" or "市级" or "DistrictedCity" => AdministrativeLevel.DistrictedCity,
        "县级" or "县" or "County" => AdministrativeLevel.County,
        "乡级" or "乡" or "Township" => AdministrativeLevel.Township,
        _ => null,
    };
}
