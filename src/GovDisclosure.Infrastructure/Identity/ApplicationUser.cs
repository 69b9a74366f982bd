using GovDisclosure.Domain.Agencies;
using Microsoft.AspNetCore.Identity;

namespace GovDisclosure.Infrastructure.Identity;

/// <summary>A portal account, bound to exactly one agency. What it may do is its roles; where, its agency's subtree.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = string.Empty;

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }
}

/// <summary>The three roles. Names are stable codes; <see cref="DisplayName"/> is what users read.</summary>
public static class Roles
{
    /// <summary>填报人: fills in their own agency's reports.</summary>
    public const string Filler = "Filler";

    /// <summary>审核人: reviews, approves, returns and publishes reports of their agency and everything below it.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>管理员: agencies, users, reporting years; may publish.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Filler, Reviewer, Admin];

    public static string DisplayName(string role) => role switch
    {
        Filler => "填报人",
        Reviewer => "审核人",
        Admin => "管理员",
        _ => role,
    };
}
