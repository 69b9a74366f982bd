using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GovDisclosure.Infrastructure.Cluster;

/// <summary>What an instance does when any instance (or gd, or the archive import) has committed a publication.</summary>
public interface IPublicationChangeHandler
{
    /// <summary>A publication of this report was committed somewhere: drop what this process holds of it.</summary>
    Task ReportPublishedAsync(int reportId, CancellationToken ct);

    /// <summary>The listening connection was lost and is back: notifications may have been missed, so drop everything public.</summary>
    Task ResynchronizeAsync(CancellationToken ct);
}

/// <summary>
/// LISTEN gd_publication on one dedicated connection for the life of the process. The publications table's
/// trigger sends the NOTIFY inside the publishing transaction (migration 20261201150100), so PostgreSQL delivers
/// it to every instance when, and only when, the publication commits (docs/decisions/0008).
/// </summary>
public sealed partial class PublicationNotificationListener(
    string connectionString, IServiceScopeFactory scopes, ILogger<PublicationNotificationListener> logger) : BackgroundService
{
    public const string Channel = "gd_publication";

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Set once the first LISTEN is in place; lets a test wait until a notification can no longer be missed.</summary>
    public Task Listening => listening.Task;

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A dead server or a silently dropped route must end WaitAsync, or this instance would stop hearing publications.
            KeepAlive = 15,
            Pooling = false,
            ApplicationName = "GovDisclosure listener",
        };
        var delay = TimeSpan.FromMilliseconds(500);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                var pending = new Queue<int>();
                connection.Notification += (_, e) =>
                {
                    if (int.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
                    {
                        pending.Enqueue(reportId);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (reconnecting)
                {
                    LogResumed(logger);
                    await HandleAsync((h, ct) => h.ResynchronizeAsync(ct), stoppingToken);
                }

                listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(500);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    while (pending.TryDequeue(out var reportId))
                    {
                        await HandleAsync((h, ct) => h.ReportPublishedAsync(reportId, ct), stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogConnectionLost(logger, e, delay);
                reconnecting = true;
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task HandleAsync(Func<IPublicationChangeHandler, CancellationToken, Task> action, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IPublicationChangeHandler>())
        {
            try
            {
                await action(handler, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlerFailed(logger, e, handler.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for publications again; dropping every cached public page")]
    private static partial void LogResumed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The publication listener lost its connection; retrying in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publication change handler {Handler} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler);
}
