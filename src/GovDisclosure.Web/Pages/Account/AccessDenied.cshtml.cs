using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    // The cookie handler redirects here instead of answering 403; say 403 so clients and tests see the refusal.
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
