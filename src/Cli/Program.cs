using System;
using System.IO;

namespace KLeakLint.Cli
{
    public static class Program
    {
        public static int Main(string[] args) =>
            CliApp.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, StderrTerminal());

        /// <summary>Progress is drawn only on a real terminal: not in pipes, files, CI logs, or TERM=dumb (editors' shells).</summary>
        private static Terminal? StderrTerminal()
        {
            if (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") is null or "dumb")
            {
                return null;
            }

            try
            {
                return new Terminal(Console.WindowWidth > 0 ? Console.WindowWidth : 80);
            }
            catch (IOException)
            {
                return new Terminal(80);
            }
        }
    }
}
