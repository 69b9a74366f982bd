using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovDisclosure.Infrastructure.Pdf.Layout;

/// <summary>
/// The page "container": blocks are stacked from the top of the type area and a new page is started
/// when one does not fit. Every finished page gets its footer.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument document;
    private readonly Action<XGraphics, int, PageGeometry> decoratePage;
    private XGraphics? graphics;

    public PageFlow(PdfDocument document, PageGeometry geometry, Action<XGraphics, int, PageGeometry> decoratePage)
    {
        this.document = document;
        Geometry = geometry;
        this.decoratePage = decoratePage;
        NewPage();
    }

    public PageGeometry Geometry { get; }

    public XGraphics Graphics => graphics!;

    public int PageNumber { get; private set; }

    /// <summary>The top of the next block.</summary>
    public double Y { get; set; }

    public double Left => Geometry.Left;

    public double Width => Geometry.ContentWidth;

    public double Remaining => Geometry.ContentBottom - Y;

    public bool AtPageTop => Y <= Geometry.Top + 0.01;

    public void NewPage()
    {
        FinishPage();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        PageNumber++;
        Y = Geometry.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining + 0.01 && !AtPageTop)
        {
            NewPage();
        }
    }

    public void Dispose() => FinishPage();

    private void FinishPage()
    {
        if (graphics is null)
        {
            return;
        }

        decoratePage(graphics, PageNumber, Geometry);
        graphics.Dispose();
        graphics = null;
    }
}

/// <summary>A4 in points with the type area of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).</summary>
internal sealed record PageGeometry(double PageWidth, double PageHeight, double Top, double Bottom, double Left, double Right)
{
    public static PageGeometry A4Official { get; } = new(Mm(210), Mm(297), Mm(37), Mm(35), Mm(28), Mm(26));

    public double ContentWidth => PageWidth - Left - Right;

    public double ContentBottom => PageHeight - Bottom;

    public static double Mm(double millimetres) => millimetres * 72.0 / 25.4;
}
