using System.Collections.Concurrent;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace GovDisclosure.Web.Tests;

/// <summary>What an operator reads in the journal: one line per request, and nothing a visitor typed into it.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_logged_once_with_its_path_and_status_but_never_its_query_string()
    {
        var cs = await TestDatabase.CreateAsync("gd_web_requestlog");
        var sink = new CollectingSink();
        try
        {
            await using var factory = new WebApplicationFactory<Program>()
                .WithWebHostBuilder(b => b
                    .UseSetting("ConnectionStrings:Default", cs)
                    // Serilog reads sinks registered in the container (ReadFrom.Services), as production may.
                    .ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
            using var client = factory.CreateClient();

            using var response = await client.GetAsync(new Uri("/Reports?q=%E7%A7%98%E5%AF%86%E8%AF%8D", UriKind.Relative));

            var requestLines = sink.Events
                .Where(e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("RequestLoggingMiddleware", StringComparison.Ordinal))
                .ToList();
            var line = Assert.Single(requestLines);
            Assert.Equal("\"/Reports\"", line.Properties["RequestPath"].ToString());
            Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Properties["StatusCode"].ToString());
            Assert.DoesNotContain(sink.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("秘密词", StringComparison.Ordinal)
                || e.Properties.Values.Any(v => v.ToString().Contains("秘密词", StringComparison.Ordinal) || v.ToString().Contains("%E7%A7%98", StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyCollection<LogEvent> Events => _events.ToArray();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
