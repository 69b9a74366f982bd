using System.ComponentModel.DataAnnotations;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>The agency tree within the admin's own subtree: create an agency under a parent, rename one.</summary>
public sealed class AgenciesModel(GovDisclosureDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CreateInput Create { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    public IReadOnlyList<Node> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await Describe();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Create, nameof(Create)))
        {
            await Describe();
            return Page();
        }

        var scope = User.RequiredScope();
        var parent = await db.Agencies.Where(a => a.Path.StartsWith(scope.AgencyPath)).SingleOrDefaultAsync(a => a.Id == Create.ParentId);
        if (parent is null)
        {
            return NotFound();
        }

        if (await db.Agencies.AnyAsync(a => a.Code == Create.Code.Trim()))
        {
            ModelState.AddModelError("Create.Code", $"机构代码“{Create.Code.Trim()}”已被使用。");
            await Describe();
            return Page();
        }

        try
        {
            // Created today, it reports from today: the years whose deadlines have passed are not its to answer for.
            db.Agencies.Add(new Agency(Create.Name, Create.Code, Create.Kind, Create.Level, parent, reportsFrom: GovDisclosure.Domain.Workflow.Deadlines.BeijingDate(clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await Describe();
            return Page();
        }

        TempData["StatusMessage"] = $"已新建机构“{Create.Name.Trim()}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Rename, nameof(Rename)))
        {
            await Describe();
            return Page();
        }

        var scope = User.RequiredScope();
        var agency = await db.Agencies.Where(a => a.Path.StartsWith(scope.AgencyPath)).SingleOrDefaultAsync(a => a.Id == Rename.AgencyId);
        if (agency is null)
        {
            return NotFound();
        }

        agency.Rename(Rename.Name);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"机构已更名为“{agency.Name}”。";
        return RedirectToPage();
    }

    private async Task Describe()
    {
        var scope = User.RequiredScope();
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path)
            .Select(a => new Node(a.Id, a.Name, a.Code, a.Kind, a.Path))
            .ToListAsync();
    }

    public sealed record Node(int Id, string Name, string Code, AgencyKind Kind, string Path)
    {
        public int Depth => Path.Count(c => c == '/') - 2;
    }

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
