namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>A file libclang reads from memory instead of disk (also for paths that do not exist).</summary>
    public sealed record UnsavedFile(string Path, string Contents);
}
