using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using GovDisclosure.Web.Security;

namespace GovDisclosure.Web.Pages.Account;

/// <summary>Where sign-in lands: the first area the user's roles open.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Filler) ? Redirect("/Work")
        : User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Admin) ? Redirect(User.IsInRole(Roles.Reviewer) ? "/Review" : "/Admin")
        : Page();
}
