using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace KLeakLint.Cli
{
    /// <summary>The terminal stderr is attached to; null when stderr is a file or a pipe.</summary>
    public sealed record Terminal(int Columns);

    /// <summary>Told by the runner when a file's analysis starts and ends; called from worker threads.</summary>
    internal interface IRunProgress
    {
        void Started(InputFile input);

        void Finished(InputFile input);
    }

    /// <summary>
    /// One status line on a terminal's stderr, rewritten in place: files done of total, elapsed time,
    /// the file being analyzed. Redrawn when a file starts or ends and every second in between (a
    /// big file takes seconds), and erased at the end so the summary and stdout stay clean. Only used
    /// when stderr is a terminal: CI logs and pipes get no control characters.
    /// </summary>
    internal sealed class TerminalProgress : IRunProgress, IDisposable
    {
        private readonly TextWriter _stderr;
        private readonly int _total;
        private readonly int _columns;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<InputFile> _running = new List<InputFile>();
        private readonly object _gate = new object();
        private readonly Timer _timer;
        private int _done;
        private bool _drawn;

        public TerminalProgress(TextWriter stderr, int total, Terminal terminal)
        {
            _stderr = stderr;
            _total = total;
            _columns = terminal.Columns;
            _timer = new Timer(_ => Draw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        public void Started(InputFile input)
        {
            lock (_gate) _running.Add(input);
            Draw();
        }

        public void Finished(InputFile input)
        {
            lock (_gate)
            {
                _running.Remove(input);
                _done++;
            }

            Draw();
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_gate)
            {
                if (_drawn)
                {
                    _stderr.Write("\r\u001b[K");
                    _stderr.Flush();
                }

                _drawn = false;
                _done = -1; // a timer callback already queued must not draw again
            }
        }

        private void Draw()
        {
            lock (_gate)
            {
                if (_done < 0) return;

                // With several workers, the file started last is shown: the one the user has seen least.
                string current = _running.Count > 0 ? _running[_running.Count - 1].DisplayPath : string.Empty;
                _stderr.Write("\r" + ProgressLine.Format(_done, _total, current, _clock.Elapsed, _columns) + "\u001b[K");
                _stderr.Flush();
                _drawn = true;
            }
        }
    }

    /// <summary>The text of the progress line, e.g. <c>[3/20 0:07] drivers/usb/misc/usb-skeleton.c</c>.</summary>
    internal static class ProgressLine
    {
        public static string Format(int done, int total, string current, TimeSpan elapsed, int columns)
        {
            int minutes = (int)elapsed.TotalMinutes;
            string head = string.Format(CultureInfo.InvariantCulture, "[{0}/{1} {2}:{3:00}]", done, total, minutes, elapsed.Seconds);
            if (current.Length == 0) return head;

            // One column is left free: writing the last column makes some terminals wrap the line.
            int room = columns - 1 - head.Length - 1;
            if (room <= 3) return head;
            if (current.Length > room)
            {
                // The end of a path (directory and file name) says more than its start.
                current = "..." + current.Substring(current.Length - (room - 3));
            }

            return head + " " + current;
        }
    }
}
