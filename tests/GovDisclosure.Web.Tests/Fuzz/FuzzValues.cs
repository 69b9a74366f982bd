using System.Globalization;
using System.Text;

namespace GovDisclosure.Web.Tests.Fuzz;

/// <summary>
/// A generated input: the bytes that go on the wire (UTF-8 text, or deliberately invalid UTF-8) and a printable
/// label that names it in a failure message, so the case can be typed in again.
/// </summary>
public sealed record FuzzValue(string Label, byte[] Bytes)
{
    public static FuzzValue Text(string text) => new(Describe(text), Encoding.UTF8.GetBytes(text));

    public static FuzzValue Raw(string label, byte[] bytes) => new(label, bytes);

    /// <summary>The text as a C# literal, cut after 120 characters with the full length said, so a 1 MB value stays readable.</summary>
    public static string Describe(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text.Take(120))
        {
            shown.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u200b' or '\u202e' or '\ufeff' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        shown.Append('"');
        return text.Length > 120 ? $"{shown}…({text.Length.ToString(CultureInfo.InvariantCulture)} chars)" : shown.ToString();
    }
}

/// <summary>
/// The hostile values the fuzz test sends: control characters, numbers no field can hold, digits from other scripts,
/// very long text, invalid UTF-8, dates that do not exist, path traversal and markup. Picked by a seeded
/// <see cref="Random"/>, so a run is the same run every time.
/// </summary>
public static class FuzzValues
{
    private static readonly string[] Texts =
    [
        "\0", "a\0b", "\0\0\0", "\u0001", "\u0007\u0008", "\u001b[31m", "\u007f", "\u0085", "\u009f", "x\ry", "\t", "\r\n\r\n",
        "\u200b", "\u202e反转", "\ufeff", "\u2028", "😀", "𠀀", "e\u0301\u0301\u0301", "字",
        "9999999999999999999999999999", "99999999999999999999999999999", "79228162514264337593543950335", "79228162514264337593543950336",
        "-79228162514264337593543950336", "1e308", "1e309", "-1e308", "1e20", "1E-400", "-0", "-0.0", "NaN", "Infinity", "-Infinity",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775808", "-1", "0", "00000001",
        "1.5", "0.00005", "1.23456789012345678901234567890", "1,000", "1_000", "+5", "--5", "0x1F", "1e", ".", "-", "+", "١٢٣",
        "１２３", "１２３．５", "－５", "一百", "Ⅻ", " 12 ", "12 34", "1/2", "½",
        "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31", "10000-01-01", "-2024-01-01", "２０２４-０１-３１", "2024/01/31", "20240131", "today",
        "true", "false", "null", "undefined", "[]", "{}", "{\"a\":", "[1,2", "\"", "'", "\\", "%", "%00", "%zz", "&", "=", "?", "#", ";",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "....//....//", "%2e%2e%2f", "file:///etc/passwd", "C:\\Windows",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "@(1+1)",
        "' OR '1'='1", "1; DROP TABLE audit_entries; --", "\\'; SELECT pg_sleep(0);--", "=cmd|' /C calc'!A0", "+SUM(1)", "@SUM(1)", "-2+3",
        "T2019", "T2021", "T2099", "2019", "2026", "PeopleGovernment", "Department", "Filler", "Admin", "Reviewer", "Publisher",
        "s3.received.natural", "s1.rules.new", "zz.unknown.cell", "section1", "Input.Cells[", "]]]", "[[[0]]]",
        string.Empty, " ", "　", "\u3000\u3000",
    ];

    public static FuzzValue Pick(Random random) => random.Next(100) switch
    {
        < 70 => FuzzValue.Text(Texts[random.Next(Texts.Length)]),
        < 78 => Long(random),
        < 86 => InvalidUtf8(random),
        < 93 => Mixed(random),
        _ => FuzzValue.Text(new string('9', random.Next(28, 400))),
    };

    /// <summary>Long text: past every field's limit, up to a little over one megabyte.</summary>
    public static FuzzValue Long(Random random)
    {
        var length = random.Next(20) switch
        {
            < 8 => 5_000,
            < 15 => 100_001,
            < 18 => 300_000,
            _ => 1_100_000,
        };
        var unit = random.Next(3) switch { 0 => "字", 1 => "a", _ => "1" };
        return FuzzValue.Raw($"{FuzzValue.Describe(unit)}×{length.ToString(CultureInfo.InvariantCulture)}", Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, unit, length).ToString()));
    }

    /// <summary>Bytes that are not UTF-8: a lone continuation byte, an overlong slash, a truncated sequence, an encoded surrogate.</summary>
    public static FuzzValue InvalidUtf8(Random random)
    {
        byte[][] sequences = [[0xff], [0xfe, 0xff], [0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe6, 0x95], [0xc3]];
        var chosen = sequences[random.Next(sequences.Length)];
        byte[] bytes = [.. "12"u8.ToArray(), .. chosen, .. "3"u8.ToArray()];
        return FuzzValue.Raw($"bytes {Convert.ToHexString(bytes)}", bytes);
    }

    /// <summary>Two of the values above run together: a number with a NUL in it, markup after a full-width digit.</summary>
    private static FuzzValue Mixed(Random random)
    {
        var text = Texts[random.Next(Texts.Length)] + Texts[random.Next(Texts.Length)];
        return FuzzValue.Text(text);
    }

    /// <summary>
    /// A value for a route parameter ({id:int} and friends) that tries to leave the route. No NUL: TestServer refuses
    /// to send a path with one, and Kestrel answers it with 400 before the portal sees it.
    /// </summary>
    public static string RouteSegment(Random random)
    {
        string[] segments =
        [
            "..%2F..%2Fetc%2Fpasswd", "..%2f..%2f..%2fappsettings.json", "%2e%2e", "..", "%5C..%5C", "1%0A", "-1", "0", "2147483647", "2147483648",
            "99999999999999999999999999999", "%EF%BC%91", "1.0", "1e3", "%ff%fe", "1%3Bx", "%20", "%E5%AD%97", "1%2F..%2F2", new('1', 4000),
        ];
        return segments[random.Next(segments.Length)];
    }

    /// <summary>An uploaded file: a document that is not what it says, broken, empty, or not text at all.</summary>
    public static (string Label, string FileName, string? ContentType, byte[] Bytes) File(Random random)
    {
        string[] names = ["report.docx", "report.pdf", "report.txt", "report.md", "report.html", "report.json", "../../etc/passwd", "报告.docx", "a.exe", "noextension", "a.docx.pdf", "x%00.docx", ""];
        string?[] types = ["application/octet-stream", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain; charset=utf-8", "text/html", "image/png", "x/y;;;", null];
        var name = names[random.Next(names.Length)];
        var type = types[random.Next(types.Length)];
        var (label, bytes) = random.Next(10) switch
        {
            0 => ("empty", Array.Empty<byte>()),
            1 => ("random bytes", Bytes(random, random.Next(1, 64 * 1024))),
            2 => ("a zip that is not a .docx", [.. "PK\u0003\u0004"u8.ToArray(), .. Bytes(random, 2048)]),
            3 => ("a PDF header and garbage", [.. "%PDF-1.7\n1 0 obj\n<<"u8.ToArray(), .. Bytes(random, 4096)]),
            4 => ("invalid UTF-8 text", [.. "一、总体情况\n"u8.ToArray(), 0xff, 0xfe, 0xc0, 0xaf, .. "\n本年度新收 12 件\n"u8.ToArray(), 0xed, 0xa0, 0x80]),
            5 => ("text with NUL and control characters", Encoding.UTF8.GetBytes("一、总体情况\0\u0001\u001b\n| 本年新收 | 9999999999999999999999999999 |\n")),
            6 => ("UTF-16 text with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<table><tr><td>本年新收</td><td>1e308</td></tr></table>")]),
            7 => ("deeply nested HTML", Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "<table><tr><td>", 3000).ToString())),
            8 => ("interchange JSON with a 28-digit count", Encoding.UTF8.GetBytes("{\"template\":\"2021\",\"year\":2024,\"cells\":{\"s3.received.natural\":9999999999999999999999999999}}")),
            _ => ("a 5 MB random file", Bytes(random, 5 * 1024 * 1024)),
        };
        return ($"file {FuzzValue.Describe(name)} ({type ?? "no content type"}, {label}, {bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes)", name, type, bytes);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
