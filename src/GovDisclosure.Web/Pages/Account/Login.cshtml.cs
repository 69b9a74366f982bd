using System.ComponentModel.DataAnnotations;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Account;

/// <summary>
/// Sign-in. Known and unknown names get the same answers after the same work (a password hash is checked
/// either way), failures hold off only the (name, address) pair that made them, and each name has a rate limit.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signInManager,
    SignInThrottle throttle,
    AccountSignInLimiter accountLimiter) : PageModel
{
    public const string WrongMessage = "用户名或密码不正确。";

    // Verified against when the name is unknown, so that answer costs what a wrong password costs.
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null, CancellationToken ct = default)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var users = signInManager.UserManager;
        var name = Input.UserName.Trim();
        var key = users.NormalizeName(name);
        var address = RateLimits.Address(HttpContext);
        if (accountLimiter.TryAcquire(key) is { } retryAfter)
        {
            await RateLimits.TooManyAsync(HttpContext, retryAfter, ct);
            return new EmptyResult();
        }

        if (await throttle.WaitAsync(key, address, ct) is { } wait)
        {
            return Locked(wait);
        }

        var user = await users.FindByNameAsync(name);
        var ok = false;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), UnknownUserHash.Value, Input.Password);
        }
        else
        {
            ok = (await signInManager.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: false)).Succeeded;
        }

        if (ok)
        {
            await throttle.SucceededAsync(key, address, ct);
            await signInManager.SignInAsync(user!, Input.RememberMe);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Account");
        }

        if (await throttle.FailedAsync(key, address, ct) is { } delay)
        {
            return Locked(delay);
        }

        ModelState.AddModelError(string.Empty, WrongMessage);
        return Page();
    }

    private PageResult Locked(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        ModelState.AddModelError(string.Empty, $"登录失败次数过多，该账户在本网络地址已被暂时锁定，请{minutes}分钟后再试或联系管理员解锁。");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名不超过256个字符。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入密码。")]
        [StringLength(256, ErrorMessage = "密码不超过256个字符。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "在本机保持登录")]
        public bool RememberMe { get; set; }
    }
}
