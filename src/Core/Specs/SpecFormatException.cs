using System;

namespace KLeakLint.Core.Specs
{
    public sealed class SpecFormatException : Exception
    {
        public SpecFormatException(string source, int line, string message)
            : base(source + ":" + line + ": " + message)
        {
            Source = source;
            Line = line;
        }

        public new string Source { get; }
        public int Line { get; }
    }
}
