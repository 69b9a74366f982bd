using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Domain.Tests.Workflow;

public sealed class DeadlinesTests
{
    private static readonly Agency District = new("新华区人民政府", "XH", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null);
    private static readonly Agency Office = new("新华区人民政府办公室", "XH-BGS", AgencyKind.Department, AdministrativeLevel.County, District);

    [Fact]
    public void Departments_publish_by_january_31_and_governments_by_march_31_of_the_next_year()
    {
        var year = new ReportingYear(2021);

        Assert.Equal(new DateOnly(2022, 1, 31), Deadlines.For(year, Office, []));
        Assert.Equal(new DateOnly(2022, 3, 31), Deadlines.For(year, District, []));
    }

    [Fact]
    public void A_regional_override_applies_to_agencies_below_the_region()
    {
        var year = new ReportingYear(2021);
        var overrides = new[] { new DeadlineOverride(2021, District, new DateOnly(2022, 1, 20), null) };

        Assert.Equal(new DateOnly(2022, 1, 20), Deadlines.For(year, Office, overrides));
        Assert.Equal(new DateOnly(2022, 3, 31), Deadlines.For(year, District, overrides));
    }

    [Theory]
    [InlineData("2022-01-31", null, "2022-01-15", DeadlineStatus.OnTime)]
    [InlineData("2022-02-01", null, "2022-01-15", DeadlineStatus.Late)]
    [InlineData(null, null, "2022-02-01", DeadlineStatus.Missing)]
    [InlineData(null, null, "2022-01-31", DeadlineStatus.Open)]
    public void The_status_compares_the_first_publication_with_the_deadline(string? published, string? unused, string today, DeadlineStatus expected)
    {
        _ = unused;
        var status = Deadlines.Status(new DateOnly(2022, 1, 31), published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void Deadlines_are_beijing_calendar_days()
    {
        // 16:30 UTC on 31 January is already 1 February in Beijing: a publication then is late.
        Assert.Equal(new DateOnly(2022, 2, 1), Deadlines.BeijingDate(new DateTimeOffset(2022, 1, 31, 16, 30, 0, TimeSpan.Zero)));
    }
}
