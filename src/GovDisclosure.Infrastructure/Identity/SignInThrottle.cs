using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Identity;

/// <summary>Failed sign-ins for one typed account name from one network address, and until when that pair is held off.</summary>
public sealed class SignInFailure
{
    public const int UserNameMaxLength = 256;
    public const int AddressMaxLength = 64;

    public string UserName { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.HasKey(f => new { f.UserName, f.Address });
        builder.Property(f => f.UserName).HasMaxLength(SignInFailure.UserNameMaxLength);
        builder.Property(f => f.Address).HasMaxLength(SignInFailure.AddressMaxLength);
    }
}

/// <summary>
/// Lockout that an anonymous attacker cannot aim at someone else: failures count per (account name, address),
/// so guessing from one address holds off that address only, while the owner signs in from theirs. After
/// <see cref="FreeFailures"/> failures each further one doubles the wait, from one minute up to an hour.
/// Names are counted whether or not the account exists, so the answer never tells the two apart.
/// Kept in PostgreSQL, so every web process sees the same counts and `gd user unlock` can clear them.
/// </summary>
public sealed class SignInThrottle(GovDisclosureDbContext db, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>How long this pair must still wait, or null when it may try.</summary>
    public async Task<TimeSpan?> WaitAsync(string normalizedUserName, string address, CancellationToken ct = default)
    {
        var until = await db.Set<SignInFailure>().AsNoTracking()
            .Where(f => f.UserName == Key(normalizedUserName) && f.Address == address)
            .Select(f => f.LockedUntil)
            .SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        return until > now ? until - now : null;
    }

    /// <summary>Counts a failure (one atomic upsert, so parallel guesses all count) and returns the wait it now imposes.</summary>
    public async Task<TimeSpan?> FailedAsync(string normalizedUserName, string address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var failures = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_failures ("UserName", "Address", "Failures", "LastFailureAt") VALUES ({Key(normalizedUserName)}, {address}, 1, {now})
            ON CONFLICT ("UserName", "Address") DO UPDATE SET "Failures" = sign_in_failures."Failures" + 1, "LastFailureAt" = EXCLUDED."LastFailureAt"
            RETURNING "Failures" AS "Value"
            """).ToListAsync(ct);
        if (Delay(failures.Single()) is not { } delay)
        {
            return null;
        }

        await db.Set<SignInFailure>()
            .Where(f => f.UserName == Key(normalizedUserName) && f.Address == address)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, now + delay), ct);
        return delay;
    }

    public Task SucceededAsync(string normalizedUserName, string address, CancellationToken ct = default) =>
        db.Set<SignInFailure>().Where(f => f.UserName == Key(normalizedUserName) && f.Address == address).ExecuteDeleteAsync(ct);

    /// <summary>Every pair held off now, for the administrator.</summary>
    public async Task<IReadOnlyList<SignInFailure>> LockedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<SignInFailure>().AsNoTracking().Where(f => f.LockedUntil > now).OrderBy(f => f.UserName).ThenBy(f => f.Address).ToListAsync(ct);
    }

    /// <summary>Clears every count for the account name, from every address; returns how many pairs were cleared.</summary>
    public Task<int> ClearAsync(string normalizedUserName, CancellationToken ct = default) =>
        db.Set<SignInFailure>().Where(f => f.UserName == Key(normalizedUserName)).ExecuteDeleteAsync(ct);

    public static TimeSpan? Delay(int failures) =>
        failures < FreeFailures ? null
        : TimeSpan.FromMinutes(Math.Min(MaxDelay.TotalMinutes, Math.Pow(2, Math.Min(failures - FreeFailures, 10))));

    // A typed name may be longer than any real one; the key is cut to the column rather than refused, so a long name costs the same.
    private static string Key(string normalizedUserName) =>
        normalizedUserName.Length <= SignInFailure.UserNameMaxLength ? normalizedUserName : normalizedUserName[..SignInFailure.UserNameMaxLength];
}
