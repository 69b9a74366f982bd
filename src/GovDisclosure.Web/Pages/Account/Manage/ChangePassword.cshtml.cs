using System.ComponentModel.DataAnnotations;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await userManager.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, IdentityMessages.Describe(error));
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "密码已修改。";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入当前密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string OldPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入新密码。")]
        [StringLength(100, MinimumLength = 12, ErrorMessage = "新密码至少12位，且包含数字、大写字母和小写字母。")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "确认新密码")]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
