using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// What the `gd db backfill-*` verbs share: the connection and argument check, and walking publications in id order in
/// batches, one transaction per batch, so a database of thousands never sits in memory and an interrupted run resumes
/// where the next run's query finds work left.
/// </summary>
internal static class PublicationBackfill
{
    /// <summary>The verb's services, or null (with the message written) when the connection is missing or an argument is unknown.</summary>
    public static async Task<ServiceProvider?> ServicesAsync(string[] args, string usage, TextWriter stderr)
    {
        var rest = args.ToList();
        if (CliServices.TakeConnection(rest) is not { } connection)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return null;
        }

        if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(usage);
            return null;
        }

        return CliServices.Build(connection);
    }

    /// <summary>
    /// Runs <paramref name="fill"/> on every publication <paramref name="pending"/> returns after the last one done,
    /// <paramref name="batchSize"/> at a time, saving each batch; returns how many <paramref name="fill"/> changed.
    /// </summary>
    public static async Task<int> InBatchesAsync(
        ServiceProvider services, int batchSize, Func<GovDisclosureDbContext, int, IQueryable<Publication>> pending, Func<GovDisclosureDbContext, Publication, Task<bool>> fill)
    {
        var filled = 0;
        var lastId = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
            var batch = await pending(db, lastId).OrderBy(p => p.Id).Take(batchSize).ToListAsync();
            if (batch.Count == 0)
            {
                return filled;
            }

            foreach (var publication in batch)
            {
                if (await fill(db, publication))
                {
                    filled++;
                }
            }

            await db.SaveChangesAsync();
            lastId = batch[^1].Id;
        }
    }
}
