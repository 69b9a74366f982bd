namespace GovDisclosure.Web.Tests.Support;

/// <summary>A clock stopped at one instant, for deadline and days-left tests.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
