using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

public sealed class ApprovalPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task An_admin_sets_a_two_level_chain_for_departments()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/Approval");

        var saved = await admin.Submit(page, "section[data-kind='Department'] form.chain-form", new()
        {
            ["Input.Names[0]"] = "本机关审核",
            ["Input.Scopes[0]"] = nameof(ApprovalScope.OwnAgency),
            ["Input.Names[1]"] = "政府办审核",
            ["Input.Scopes[1]"] = nameof(ApprovalScope.Above),
        });

        Assert.Contains("已设置政府部门的审核链：本机关审核 → 政府办审核", saved.Text);
        Assert.Contains("当前：本机关审核（本机关审核人） → 政府办审核（上级（政府办）审核人）", saved.Single("section[data-kind='Department']").TextContent);
        await using var db = factory.Db();
        var chain = await db.ApprovalChains.AsNoTracking().SingleAsync(c => c.Kind == AgencyKind.Department);
        Assert.Equal(["本机关审核", "政府办审核"], chain.Levels.Select(l => l.Name));
    }

    [Fact]
    public async Task A_chain_with_every_name_blank_is_refused_in_words()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Submit(await admin.Get("/Admin/Approval"), "section[data-kind='Other'] form.chain-form", new() { ["Input.Names[0]"] = " " });

        Assert.Contains("其他：审核链至少需要一级", page.Text);
    }
}
