using System.Globalization;
using System.Text;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// PDFs written by hand, so the text order in the file is chosen by the test: the reader must give the
/// same table whatever order the producer wrote the text in.
/// </summary>
public sealed class PdfPositionTests
{
    private static readonly (double X, double Y, string Text)[] Words =
    [
        (72, 700, "Item"), (300, 700, "Made"), (400, 700, "Total"),
        (72, 680, "1. Rules"), (300, 680, "3"), (400, 680, "12"),
        (72, 660, "2. Normative"), (300, 660, "21"), (400, 660, "101"),
        (72, 648, "documents"),
    ];

    [Fact]
    public void A_ruled_table_is_rebuilt_from_positions_whatever_order_the_file_writes_its_text_in()
    {
        var inOrder = Read(Words, ruled: true);
        var reversed = Read(Words.Reverse().ToArray(), ruled: true);
        var shuffled = Read(Words.OrderBy(w => w.Text.GetHashCode(StringComparison.Ordinal)).ToArray(), ruled: true);

        Assert.Contains("<tr><td>2. Normative documents</td><td>21</td><td>101</td></tr>", inOrder, StringComparison.Ordinal);
        Assert.Equal(inOrder, reversed);
        Assert.Equal(inOrder, shuffled);
    }

    [Fact]
    public void A_table_without_lines_gets_its_rows_from_baselines_and_joins_a_wrapped_label()
    {
        var html = Read(Words.Reverse().ToArray(), ruled: false);

        Assert.Contains("<tr><td>1. Rules</td><td>3</td><td>12</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2. Normative documents</td><td>21</td><td>101</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_in_a_table_without_lines_goes_under_the_header_it_stands_under_when_the_cells_before_it_are_blank()
    {
        (double X, double Y, string Text)[] words =
        [
            (72, 700, "Item"), (300, 700, "Made"), (350, 700, "Kept"), (400, 700, "Total"),
            (72, 680, "1. Rules"), (400, 680, "7"),
            (72, 660, "2. Orders"), (350, 660, "4"), (400, 660, "4"),
        ];

        var html = Read(words.Reverse().ToArray(), ruled: false);

        Assert.Contains("<tr><td>1. Rules</td><td></td><td></td><td>7</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2. Orders</td><td></td><td>4</td><td>4</td></tr>", html, StringComparison.Ordinal);
    }

    private static string Read((double X, double Y, string Text)[] words, bool ruled)
    {
        var content = new StringBuilder();
        if (ruled)
        {
            // Rows at 694–714, 674–694, 642–674; columns at 66–290–390–460.
            content.Append("0.5 w\n");
            foreach (var y in new[] { 714, 694, 674, 642 })
            {
                content.Append(CultureInfo.InvariantCulture, $"66 {y} m 460 {y} l S\n");
            }

            foreach (var x in new[] { 66, 290, 390, 460 })
            {
                content.Append(CultureInfo.InvariantCulture, $"{x} 642 m {x} 714 l S\n");
            }
        }

        foreach (var (x, y, text) in words)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET\n");
        }

        return PdfReader.ToHtml(new MemoryStream(HostileFiles.Pdf([content.ToString()], compress: true)));
    }
}
