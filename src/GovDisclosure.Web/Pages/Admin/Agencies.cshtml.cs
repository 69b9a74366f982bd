using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>The agency tree within the admin's own subtree: create an agency under a parent, rename one.</summary>
public sealed class AgenciesModel(AgencyAdmin agencies) : PageModel
{
    [BindProperty]
    public CreateInput Create { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await Describe();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Create, nameof(Create)))
        {
            await Describe();
            return Page();
        }

        var result = await agencies.CreateAsync(User.RequiredScope(), new NewAgency(Create.ParentId!.Value, Create.Name, Create.Code, Create.Kind, Create.Level));
        return await Outcome(result, nameof(Create));
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Rename, nameof(Rename)))
        {
            await Describe();
            return Page();
        }

        return await Outcome(await agencies.RenameAsync(User.RequiredScope(), Rename.AgencyId, Rename.Name), nameof(Rename));
    }

    private async Task<IActionResult> Outcome(AdminResult result, string form)
    {
        switch (result.Status)
        {
            case UseCaseStatus.NotFound:
                return NotFound();
            case UseCaseStatus.Ok:
                TempData["StatusMessage"] = result.Message;
                return RedirectToPage();
        }

        ModelState.AddModelError(result.Field is null ? string.Empty : $"{form}.{result.Field}", result.Message);
        await Describe();
        return Page();
    }

    private async Task Describe() => Agencies = await agencies.TreeAsync(User.RequiredScope());

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "请选择上级机构。")]
        public int? ParentId { get; set; }

        [Required(ErrorMessage = "请填写机构名称。")]
        [StringLength(Agency.NameMaxLength, ErrorMessage = "机构名称不超过100字。")]
        [Display(Name = "机构名称")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "请填写机构代码。")]
        [StringLength(Agency.CodeMaxLength, ErrorMessage = "机构代码不超过32个字符。")]
        [RegularExpression("^[A-Za-z0-9_.-]+$", ErrorMessage = "机构代码只能包含字母、数字及 - _ . 字符。")]
        [Display(Name = "机构代码")]
        public string Code { get; set; } = string.Empty;

        public AgencyKind Kind { get; set; } = AgencyKind.Department;

        public AdministrativeLevel Level { get; set; } = AdministrativeLevel.County;
    }

    public sealed class RenameInput
    {
        public int AgencyId { get; set; }

        [Required(ErrorMessage = "请填写新名称。")]
        [StringLength(Agency.NameMaxLength, ErrorMessage = "机构名称不超过100字。")]
        public string Name { get; set; } = string.Empty;
    }
}
