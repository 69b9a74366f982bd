using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;

namespace GovDisclosure.Web.Tests;

/// <summary>The change-password form refuses what an attacker would try first, in Chinese, and keeps the account's old password.</summary>
public sealed class PasswordPolicyTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Theory]
    [InlineData("Password1234", "过于常见")]
    [InlineData("Qwerty123456!", "过于常见")]
    [InlineData("Policyuser-2025", "不能由用户名变化而来")]
    [InlineData("Transport-2025x", "机构的名称或代码")]
    [InlineData(StaffPortalFactory.Password, "不能与当前密码相同")]
    [InlineData("Short-1a", "至少12位")]
    public async Task A_weak_new_password_is_refused_with_the_reason(string weak, string reason)
    {
        var user = $"policyuser{Guid.NewGuid():N}"[..16];
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            await StaffPortalFactory.CreateUser(users, user, "密码测试", factory.TransportId, Roles.Filler);
        }

        var client = await PageClient.SignedIn(factory, user);
        var form = await client.Get("/Account/Manage/ChangePassword");
        var page = await client.Submit(form, "main form", new() { ["Input.OldPassword"] = StaffPortalFactory.Password, ["Input.NewPassword"] = weak.Replace("Policyuser", user, StringComparison.Ordinal), ["Input.ConfirmPassword"] = weak.Replace("Policyuser", user, StringComparison.Ordinal) });

        Assert.Contains(reason, page.Text);
        Assert.DoesNotContain("密码已修改", page.Text);
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync(user))!, StaffPortalFactory.Password));
        }
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("woaini1314")]
    [InlineData("admin@2024")]
    public void The_shipped_list_knows_the_passwords_people_pick(string common) =>
        Assert.True(PortalPasswordValidator.IsCommon(common));

    [Fact]
    public void A_passphrase_is_not_on_the_list() =>
        Assert.False(PortalPasswordValidator.IsCommon("correct-horse-42"));
}
