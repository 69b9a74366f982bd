using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GovDisclosure.Web.Pages.Indicators;

/// <summary>
/// 指标说明: each indicator's formula in words, with a worked example computed by the calculator the site uses,
/// and the small-sample rule. Read from the newest template's definitions, so a new indicator appears here by itself.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = Public.PublicCache.ListPolicy)]
public sealed class IndexModel(IOptions<IndicatorOptions> options) : PageModel
{
    public TemplateDefinition Definition { get; } = TemplateCatalog.Default.Newest;

    public int MinimumDenominator => Math.Max(1, options.Value.MinimumDenominator);

    public IndicatorValue Example(IndicatorDefinition indicator) => IndicatorExample.Compute(Definition, indicator);

    public void OnGet()
    {
    }
}
