namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>P/Invoke declarations the test snippets call (an unknown native function that borrows its argument).</summary>
    internal static class NativeDeclarations
    {
        public const string Fill = @"
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);
";

        public const string WriteFd = @"
    [DllImport(""native"")] static extern int write_fd(IntPtr fd, int value);
";
    }
}
