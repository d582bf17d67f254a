using System.Runtime.InteropServices;

/// <summary>
/// Like a stopwatch, but counts the CPU time of the calling thread (Linux): time the thread waits for a core while other
/// builds run on a shared machine does not count.
/// </summary>
internal sealed partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;
    private long _started;
    private long _elapsed;

    public double Milliseconds => _elapsed / 1e6;

    public void Start() => _started = Now();
    public void Stop() => _elapsed += Now() - _started;

    public static long Now()
    {
        clock_gettime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
