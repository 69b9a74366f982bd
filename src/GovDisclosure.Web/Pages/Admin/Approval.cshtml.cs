using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>
/// The region's approval chains, one per agency kind: the admin names each level and says who approves there.
/// A change applies to submissions from now on; a report already submitted keeps the chain it was submitted under.
/// </summary>
public sealed class ApprovalModel(ApprovalChains chains) : PageModel
{
    /// <summary>Rows the form offers per kind; blank names are dropped, so fewer levels are fine.</summary>
    public const int FormLevels = 3;

    [BindProperty]
    public ChainInput Input { get; set; } = new();

    public IReadOnlyList<ApprovalChainRow> Chains { get; private set; } = [];

    public async Task OnGetAsync() => Chains = await chains.ListAsync(User.RequiredScope());

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = User.RequiredScope();
        var levels = Input.Names
            .Select((name, i) => (Name: name?.Trim() ?? string.Empty, Scope: Input.Scopes.ElementAtOrDefault(i)))
            .Where(l => l.Name.Length > 0)
            .Select(l => new ApprovalLevel(l.Name, l.Scope))
            .ToList();
        var result = await chains.SetAsync(scope, Input.Kind, levels);
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            TempData["StatusMessage"] = result.Message;
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, $"{Input.Kind.DisplayName()}：{result.Message}");
        Chains = await chains.ListAsync(scope);
        return Page();
    }

    public sealed class ChainInput
    {
        public AgencyKind Kind { get; set; }

        public List<string?> Names { get; set; } = [];

        public List<ApprovalScope> Scopes { get; set; } = [];
    }
}
