using System.ComponentModel.DataAnnotations;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>Accounts of the agencies in the admin's subtree: create one bound to an agency, set roles, unlock.</summary>
public sealed class UsersModel(GovDisclosureDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CreateInput Create { get; set; } = new();

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await Describe();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await Describe();
            return Page();
        }

        if (!await InScope(Create.AgencyId))
        {
            return NotFound();
        }

        var user = new ApplicationUser { UserName = Create.UserName.Trim(), DisplayName = Create.DisplayName.Trim(), AgencyId = Create.AgencyId };
        var result = await users.CreateAsync(user, Create.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, Create.Roles.Where(Roles.All.Contains));
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, IdentityMessages.Describe(error));
            }

            await Describe();
            return Page();
        }

        TempData["StatusMessage"] = $"已新建账户“{user.UserName}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[] roles)
    {
        var user = await FindInScope(userId);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = roles.Where(Roles.All.Contains).ToHashSet();
        var current = await users.GetRolesAsync(user);
        if (user.Id == User.RequiredScope().UserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            TempData["StatusMessage"] = "不能取消自己的管理员角色。";
            return RedirectToPage();
        }

        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        TempData["StatusMessage"] = $"已更新“{user.UserName}”的角色。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        var user = await FindInScope(userId);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = $"已解除“{user.UserName}”的锁定。";
        return RedirectToPage();
    }

    private async Task<bool> InScope(int agencyId)
    {
        var path = User.RequiredScope().AgencyPath;
        return await db.Agencies.AnyAsync(a => a.Id == agencyId && a.Path.StartsWith(path));
    }

    private async Task<ApplicationUser?> FindInScope(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && await InScope(user.AgencyId) ? user : null;
    }

    private async Task Describe()
    {
        var path = User.RequiredScope().AgencyPath;
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(path)).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id, a.Name)).ToList();
        var rows = await db.Users.AsNoTracking().Where(u => u.Agency!.Path.StartsWith(path)).OrderBy(u => u.Agency!.Path).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Agency = u.Agency!.Name, u.LockoutEnd })
            .ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        Users = rows.Select(u => new Row(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Agency,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.LockoutEnd > now)).ToList();
    }

    public sealed record Row(string Id, string UserName, string DisplayName, string AgencyName, IReadOnlyList<string> Roles, bool IsLockedOut);

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
