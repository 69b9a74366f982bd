using GovDisclosure.Application.Common;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Pdf.Fonts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

public sealed class FontConfigurationTests
{
    [Fact]
    public void A_family_name_is_found_through_fontconfig()
    {
        var source = FontLocator.Locate("WenQuanYi Zen Hei", "Pdf:HeiFont");

        Assert.Equal("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", source.Path);
        Assert.Equal(0, source.FaceIndex);
    }

    [Fact]
    public void A_path_may_name_a_face_of_a_collection()
    {
        var source = FontLocator.Locate("/usr/share/fonts/truetype/arphic/ukai.ttc#2", "Pdf:KaiFont");

        Assert.Equal(new FontSource("/usr/share/fonts/truetype/arphic/ukai.ttc", 2), source);
    }

    [Fact]
    public void A_family_fontconfig_only_substitutes_is_a_start_up_error_in_chinese()
    {
        var error = Assert.Throws<FontNotFoundException>(() => FontLocator.Locate("No Such Family GD", "Pdf:SongFont"));

        Assert.Contains("未找到", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pdf:SongFont", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_file_stops_the_renderer_from_being_resolved()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:HeiFont"] = "/nonexistent/fonts/wqy-zenhei.ttc" })
            .Build();
        using var services = new ServiceCollection().AddReportPdf(configuration).BuildServiceProvider();

        var error = Assert.Throws<FontNotFoundException>(() => services.ValidatePdfFonts());
        Assert.Contains("/nonexistent/fonts/wqy-zenhei.ttc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_di_extension_registers_one_renderer_configured_from_the_pdf_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:SongFont"] = "/usr/share/fonts/truetype/arphic/uming.ttc#0" })
            .Build();
        using var services = new ServiceCollection().AddReportPdf(configuration).BuildServiceProvider();

        var renderer = services.GetRequiredService<IReportPdfRenderer>();

        Assert.Same(renderer, services.GetRequiredService<IReportPdfRenderer>());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(renderer.Render(PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json")), 0, 5), StringComparison.Ordinal);
    }
}
