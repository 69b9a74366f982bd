using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Reports;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>Accounts of the agencies in the admin's subtree: create one bound to an agency, set roles, unlock.</summary>
public sealed class UsersModel(UserAdmin accounts) : PageModel
{
    [BindProperty]
    public CreateInput Create { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await Describe();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await Describe();
            return Page();
        }

        var result = await accounts.CreateAsync(User.RequiredScope(), new NewUser(Create.UserName, Create.DisplayName, Create.AgencyId, Create.Password, Create.Roles));
        switch (result.Status)
        {
            case UseCaseStatus.NotFound:
                return NotFound();
            case UseCaseStatus.Ok:
                TempData["StatusMessage"] = result.Message;
                return RedirectToPage();
        }

        foreach (var code in result.Errors)
        {
            ModelState.AddModelError(string.Empty, IdentityMessages.Describe(new IdentityError { Code = code }));
        }

        await Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[] roles) =>
        Outcome(await accounts.SetRolesAsync(User.RequiredScope(), userId, roles));

    public async Task<IActionResult> OnPostUnlockAsync(string userId) =>
        Outcome(await accounts.UnlockAsync(User.RequiredScope(), userId));

    private IActionResult Outcome(AdminResult result)
    {
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = result.Message;
        return RedirectToPage();
    }

    private async Task Describe()
    {
        var scope = User.RequiredScope();
        Agencies = await accounts.AgenciesAsync(scope);
        Users = await accounts.ListAsync(scope);
    }

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [StringLength(50, ErrorMessage = "用户名不超过50个字符。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "姓名不超过50字。")]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = string.Empty;

        [Range(1, int.MaxValue, ErrorMessage = "请选择所属机构。")]
        public int AgencyId { get; set; }

        [Required(ErrorMessage = "请设置初始密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码")]
        public string Password { get; set; } = string.Empty;

        public List<string> Roles { get; set; } = [];
    }
}
