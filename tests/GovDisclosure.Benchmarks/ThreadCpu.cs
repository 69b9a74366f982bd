using System.Runtime.InteropServices;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux getrusage RUSAGE_THREAD). On a shared 2-core machine wall time
/// mostly measures the neighbours; the thread's own CPU time is what one render costs.
/// </summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageThread, out var usage) != 0)
        {
            return double.NaN;
        }

        return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }
}
