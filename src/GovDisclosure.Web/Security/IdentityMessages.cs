using Microsoft.AspNetCore.Identity;

namespace GovDisclosure.Web.Security;

/// <summary>Identity's error codes in the users' language; Identity itself only speaks English.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "当前密码不正确。",
        nameof(IdentityErrorDescriber.PasswordTooShort) => "密码至少12位。",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码须包含数字。",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码须包含大写字母。",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码须包含小写字母。",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "该用户名已被使用。",
        nameof(IdentityErrorDescriber.InvalidUserName) => "用户名只能包含字母、数字及 -._@+ 字符。",
        GovDisclosure.Infrastructure.Identity.PortalPasswordValidator.TooCommon
            or GovDisclosure.Infrastructure.Identity.PortalPasswordValidator.FromUserName
            or GovDisclosure.Infrastructure.Identity.PortalPasswordValidator.FromAgency
            or GovDisclosure.Infrastructure.Identity.PortalPasswordValidator.Reused => error.Description,
        _ => $"操作未成功（{error.Code}）。",
    };
}
