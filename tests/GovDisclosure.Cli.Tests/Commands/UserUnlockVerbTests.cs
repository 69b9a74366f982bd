using GovDisclosure.Cli.Commands;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Cli.Tests.Commands;

public sealed class UserUnlockVerbTests
{
    [Fact]
    public async Task User_unlock_lists_the_held_off_pairs_and_clears_a_name_from_every_address()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_unlock");
        try
        {
            await using (var db = TestDatabase.Context(cs))
            {
                var throttle = new SignInThrottle(db, TimeProvider.System);
                for (var i = 0; i < SignInThrottle.FreeFailures; i++)
                {
                    await throttle.FailedAsync("ZHANG", "192.0.2.1");
                    await throttle.FailedAsync("ZHANG", "192.0.2.2");
                }

                await throttle.FailedAsync("LI", "192.0.2.1");
            }

            var listed = await Run("--connection", cs);
            var cleared = await Run("--username", "zhang", "--connection", cs);
            var after = await Run("--connection", cs);

            Assert.Equal(0, listed.Code);
            Assert.Contains("ZHANG / 192.0.2.1 / 5", listed.Out);
            Assert.Contains("ZHANG / 192.0.2.2 / 5", listed.Out);
            Assert.DoesNotContain("LI /", listed.Out);
            Assert.Contains("已解除“zhang”的锁定（2个网络地址）", cleared.Out);
            Assert.Contains("当前没有被锁定的登录", after.Out);
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public void Each_failure_past_the_free_ones_doubles_the_wait_up_to_an_hour()
    {
        Assert.Null(SignInThrottle.Delay(SignInThrottle.FreeFailures - 1));
        Assert.Equal(TimeSpan.FromMinutes(1), SignInThrottle.Delay(SignInThrottle.FreeFailures));
        Assert.Equal(TimeSpan.FromMinutes(2), SignInThrottle.Delay(SignInThrottle.FreeFailures + 1));
        Assert.Equal(TimeSpan.FromMinutes(32), SignInThrottle.Delay(SignInThrottle.FreeFailures + 5));
        Assert.Equal(TimeSpan.FromHours(1), SignInThrottle.Delay(SignInThrottle.FreeFailures + 50));
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await UserUnlockCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
