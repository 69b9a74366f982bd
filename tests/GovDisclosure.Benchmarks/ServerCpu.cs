using System.Globalization;
using Npgsql;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// CPU seconds spent by a local PostgreSQL cluster (the postmaster and every backend it started), read from /proc.
/// On a machine shared with other work the wall-clock rate says little; the CPU one publication costs in this process
/// and in PostgreSQL together says what the 2 cores can sustain.
/// </summary>
internal sealed class ServerCpu
{
    private readonly int postmaster;

    private ServerCpu(int postmaster) => this.postmaster = postmaster;

    /// <summary>The cluster behind the connection, when it runs on this machine and /proc is readable; else null.</summary>
    public static async Task<ServerCpu?> FindAsync(string connection)
    {
        try
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", db);
            var directory = (string)(await command.ExecuteScalarAsync())!;
            var pidFile = Path.Combine(directory, "postmaster.pid");
            return File.Exists(pidFile) ? new ServerCpu(int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture)) : null;
        }
        catch (Exception e) when (e is PostgresException or IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The cluster's CPU seconds so far: live processes' own time plus what their ended children were charged. A backend
    /// that ends between two readings is counted by its parent's cumulative children's time, so nothing is lost.
    /// </summary>
    public double Seconds()
    {
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Fields after the command name in parentheses: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var pid = int.Parse(text[..text.IndexOf(' ')], CultureInfo.InvariantCulture);
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster || parent == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (pid == postmaster)
                {
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux.
    }
}
