using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// Reads and writes the interchange document (report-templates.md §12.4). Counts are JSON integers;
/// amounts are decimal strings in 万元 with 4 places so no binary rounding ever touches money.
/// Cells are written in template order so the same report always serialises to the same bytes.
/// </summary>
public static class InterchangeJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(ReportDocument report, bool includeDerived = true, IReadOnlyList<Finding>? findings = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("template", report.Definition.InterchangeCode);
            writer.WriteNumber("year", report.Year);
            writer.WriteString("agency", report.Agency);
            writer.WriteString("title", report.Title);

            writer.WriteStartObject("sections");
            foreach (var key in SectionKeys.All)
            {
                if (report.Sections.TryGetValue(key, out var text) && text.Length > 0)
                {
                    writer.WriteString(key, text);
                }
            }

            writer.WriteEndObject();

            var definition = report.Definition;
            writer.WriteStartObject("cells");
            foreach (var cell in definition.Cells)
            {
                if (report.Cells.Get(cell.Code) is { } value)
                {
                    WriteValue(writer, cell, value);
                }
            }

            writer.WriteEndObject();

            if (includeDerived)
            {
                var derived = ReportTotals.Derived(report);
                if (derived.Count > 0)
                {
                    writer.WriteStartObject("derived");
                    foreach (var cell in definition.Cells.Where(c => derived.ContainsKey(c.Code)))
                    {
                        WriteValue(writer, cell, derived[cell.Code]);
                    }

                    writer.WriteEndObject();
                }
            }

            if (findings is not null)
            {
                writer.WriteStartArray("findings");
                foreach (var f in findings)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", f.RuleId);
                    writer.WriteString("severity", f.IsError ? "error" : "warning");
                    writer.WriteStartArray("cells");
                    foreach (var code in f.CellCodes)
                    {
                        writer.WriteStringValue(code);
                    }

                    writer.WriteEndArray();
                    writer.WriteString("message", f.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A cell value as the interchange form spells it: "12" for counts, "3.2700" for amounts.</summary>
    public static string FormatValue(CellKind kind, decimal value) => kind == CellKind.Amount
        ? decimal.Round(value, CellKinds.AmountDecimals).ToString("0.0000", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void WriteValue(Utf8JsonWriter writer, CellDefinition cell, decimal value)
    {
        if (cell.Kind == CellKind.Amount)
        {
            writer.WriteString(cell.Code, FormatValue(cell.Kind, value));
        }
        else
        {
            writer.WriteNumber(cell.Code, value);
        }
    }

    /// <summary>
    /// Reads an interchange document. Throws <see cref="ReportFormatException"/> with a Chinese message
    /// naming the field when the document is not one.
    /// </summary>
    public static ReportDocument Read(string json, TemplateCatalog? catalog = null)
    {
        catalog ??= TemplateCatalog.Default;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ReportFormatException($"不是有效的JSON：{ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportFormatException("JSON顶层应为对象（年度报告交换格式）。");
            }

            if (!root.TryGetProperty("template", out var templateEl) || !catalog.TryParse(templateEl.ToString(), out var definition))
            {
                var known = string.Join(" 或 ", catalog.All.Select(d => $"\"{d.InterchangeCode}\""));
                throw new ReportFormatException($"缺少或无法识别字段 template（应为 {known}）。");
            }

            if (!root.TryGetProperty("year", out var yearEl) || yearEl.ValueKind != JsonValueKind.Number || !yearEl.TryGetInt32(out var year) || year is < 2008 or > 2100)
            {
                throw new ReportFormatException("缺少或无法识别字段 year（报告年度）。");
            }

            var report = new ReportDocument(definition, year, GetString(root, "agency"), GetString(root, "title"));
            if (root.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in sections.EnumerateObject())
                {
                    if (SectionKeys.All.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        report.Sections[p.Name] = p.Value.GetString()!;
                    }
                }
            }

            if (root.TryGetProperty("cells", out var cells))
            {
                if (cells.ValueKind != JsonValueKind.Object)
                {
                    throw new ReportFormatException("字段 cells 应为对象（单元格代码 → 数值）。");
                }

                foreach (var p in cells.EnumerateObject())
                {
                    if (!definition.TryGetCell(p.Name, out var cell))
                    {
                        throw new ReportFormatException($"单元格代码 {p.Name} 不属于{definition.Name}。");
                    }

                    report.Cells[p.Name] = ReadValue(p.Value, cell);
                }
            }

            return report;
        }
    }

    private static decimal ReadValue(JsonElement value, CellDefinition cell)
    {
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out var n) ? n : (decimal?)null,
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? s : null,
            _ => null,
        };
        return ok ?? throw new ReportFormatException($"单元格 {cell.Code}（{cell.DisplayName}）的值不是数字：{value}");
    }

    private static string GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.String ? el.GetString()! : string.Empty;
}

/// <summary>The input is not a report at all (empty, binary, unreadable, too large). The message is Chinese.</summary>
public sealed class ReportFormatException(string message) : Exception(message);
