namespace KLeakLint.ClangFront.Flags
{
    /// <summary>Where compile flags come from: a compile database, a kernel tree, or the headerless prelude.</summary>
    public interface ICompileFlagsSource
    {
        /// <summary>One line for logs and reports, e.g. "kernel tree /usr/src/linux-headers-6.1.0-56-amd64".</summary>
        string Description { get; }

        /// <summary>The setup for <paramref name="file"/>, or null with a one-line <paramref name="error"/>.</summary>
        CompileSetup? GetSetup(string file, out string? error);
    }
}
