using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Support;

public static class Scopes
{
    public static IServiceScope CreateScopeForUsers(this IServiceProvider services, out UserManager<ApplicationUser> users)
    {
        var scope = services.CreateScope();
        users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return scope;
    }
}
