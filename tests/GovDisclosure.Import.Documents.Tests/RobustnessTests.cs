using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// Files that are not reports, or are built to hurt: each is refused with one Chinese sentence, quickly,
/// never with a stack trace or a hang. 10 s is a margin for the shared machine; a hang would take minutes.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_docx_that_is_not_a_zip_is_refused_as_corrupt()
    {
        var reason = Refused(() => WordReader.ToHtml(new MemoryStream("PK\u0003\u0004 this is not really a zip file at all"u8.ToArray())));

        Assert.Contains("损坏", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_at_all_is_refused_as_not_a_docx()
    {
        var reason = Refused(() => WordReader.ToHtml(new MemoryStream("这是一段文字，不是Word文档"u8.ToArray())));

        Assert.Contains(".docx", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_without_word_document_xml_is_refused_naming_the_missing_part()
    {
        var reason = Refused(() => WordReader.ToHtml(new MemoryStream(HostileFiles.ZipWithout("hello.txt"))));

        Assert.Contains("document.xml", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_cut_short_in_transfer_is_refused_as_corrupt()
    {
        var bytes = Fixtures.Bytes("003_07ea97a0e0dbb2b9.docx");

        var reason = Refused(() => WordReader.ToHtml(new MemoryStream(bytes[..(bytes.Length / 2)])));

        Assert.Contains("损坏", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_inside_a_docx_is_refused_before_it_is_expanded()
    {
        var bomb = HostileFiles.ZipBomb(WordReader.MaxExpandedBytes + (8 * 1024 * 1024));
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small on disk, was {bomb.Length} bytes");

        var reason = Refused(() => WordReader.ToHtml(new MemoryStream(bomb)));

        Assert.Contains("压缩炸弹", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_upload_is_refused_at_the_size_cap_without_reading_on()
    {
        var endless = new HostileFiles.Endless();

        var reason = Refused(() => PdfReader.ToHtml(endless));

        Assert.Contains("超过64MB", reason, StringComparison.Ordinal);
        Assert.True(endless.Served <= PdfReader.MaxFileBytes + (1024 * 1024));
    }

    [Fact]
    public void A_pdf_with_a_million_tiny_compressed_text_objects_is_refused()
    {
        var pdf = HostileFiles.Pdf([HostileFiles.TinyTextObjects(1_000_000)], compress: true);

        var reason = Refused(() => PdfReader.ToHtml(new MemoryStream(pdf)));

        Assert.Contains("解压后", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_with_a_million_tiny_uncompressed_text_objects_is_refused_before_parsing()
    {
        var pdf = HostileFiles.Pdf([HostileFiles.TinyTextObjects(1_000_000)], compress: false);

        var reason = Refused(() => PdfReader.ToHtml(new MemoryStream(pdf)));

        Assert.Contains("文字对象超过", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_with_tens_of_thousands_of_letters_on_one_page_is_refused_as_not_a_report_page()
    {
        var pdf = HostileFiles.Pdf([HostileFiles.TinyTextObjects(40_000)], compress: true);

        var reason = Refused(() => PdfReader.ToHtml(new MemoryStream(pdf)));

        Assert.Contains("第1页", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_protected_pdf_is_refused_as_encrypted()
    {
        using var file = Fixtures.Open("encrypted.pdf");

        var reason = Refused(() => PdfReader.ToHtml(file));

        Assert.Contains("加密", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_pdf_without_a_text_layer_is_refused_as_a_scan_not_read_as_empty()
    {
        var pdf = HostileFiles.Pdf([HostileFiles.ImageOnly, HostileFiles.ImageOnly], compress: true, withImage: true);

        var reason = Refused(() => PdfReader.ToHtml(new MemoryStream(pdf)));

        Assert.Contains("扫描件，无可识别文字", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_only_calls_itself_a_pdf_is_refused_as_corrupt()
    {
        var reason = Refused(() => PdfReader.ToHtml(new MemoryStream("%PDF-1.7\n garbage that is no PDF at all \u0000\u0001"u8.ToArray())));

        Assert.Contains("损坏", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_document_offered_as_pdf_is_refused_as_not_a_pdf()
    {
        var reason = Refused(() => PdfReader.ToHtml(Fixtures.Open("000_ffb7cb016be5db93.docx")));

        Assert.Contains("不是PDF", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_pdf_written_by_hand_with_one_line_of_text_is_read()
    {
        var pdf = HostileFiles.Pdf(["BT /F1 12 Tf 72 700 Td (Annual report 2021) Tj ET\n"], compress: true);

        var html = PdfReader.ToHtml(new MemoryStream(pdf));

        Assert.Contains("<p>Annual report 2021</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_thousands_of_scattered_numbers_is_read_as_text_quickly_rather_than_rebuilt_as_a_table()
    {
        // 60 lines of 70 numbers each, close enough to be one zone of a table without lines: 4,200 pieces, over
        // the 4,000 beyond which the (quadratic) label matching is not attempted.
        var content = new StringBuilder();
        for (var line = 0; line < 60; line++)
        {
            for (var number = 0; number < 70; number++)
            {
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 3 Tf {10 + (number * 8)} {650 - (line * 7)} Td (7) Tj ET\n");
            }
        }

        var pdf = HostileFiles.Pdf([content.ToString()], compress: true);
        var clock = Stopwatch.StartNew();

        var html = PdfReader.ToHtml(new MemoryStream(pdf));

        Assert.True(clock.Elapsed < Quickly, $"read after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.Contains("<p>7 7 7", html, StringComparison.Ordinal);
    }

    /// <summary>The refusal's reason, after checking it is one Chinese line and came quickly.</summary>
    private static string Refused(Func<string> read)
    {
        var clock = Stopwatch.StartNew();
        var refusal = Assert.Throws<DocumentRefusedException>(() => read());
        clock.Stop();

        Assert.True(clock.Elapsed < Quickly, $"refused after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain('\n', refusal.Reason);
        Assert.Contains(refusal.Reason, c => c >= 0x4E00 && c <= 0x9FFF);
        return refusal.Reason;
    }
}
