namespace KLeakLint.Core.Ir
{
    /// <summary>A position the user wrote: for code expanded from a macro, the line of the macro's use.</summary>
    public readonly record struct SourceSpan(string File, int Line, int Column)
    {
        public static readonly SourceSpan None = new SourceSpan("", 0, 0);

        public override string ToString() => $"{File}:{Line}:{Column}";
    }
}
