namespace KLeakLint.CodeFixes
{
    /// <summary>The rule IDs the fixes answer; the same strings as Core's rule catalog (checked by the tests).</summary>
    internal static class DiagnosticIds
    {
        public const string Leak = "KL0001";
        public const string UnownedRelease = "KL0005";
        public const string ExceptionPathLeak = "KL0101";
        public const string RawOwnedHandle = "KL0102";
    }
}
