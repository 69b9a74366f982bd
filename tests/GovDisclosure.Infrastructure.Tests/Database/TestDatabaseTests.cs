using GovDisclosure.Domain.Agencies;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Tests.Database;

public sealed class TestDatabaseTests
{
    [Fact]
    public async Task A_test_database_is_migrated_and_isolated_from_other_test_classes()
    {
        var first = await TestDatabase.CreateAsync("gd_iso_a");
        var second = await TestDatabase.CreateAsync("gd_iso_b");
        try
        {
            await using (var db = TestDatabase.Context(first))
            {
                db.Agencies.Add(new Agency("甲区人民政府", "A1", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null));
                await db.SaveChangesAsync();
            }

            await using var other = TestDatabase.Context(second);
            Assert.Equal(0, await other.Agencies.CountAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(first);
            await TestDatabase.DropAsync(second);
        }
    }
}
