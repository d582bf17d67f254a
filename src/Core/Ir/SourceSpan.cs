namespace KLeakLint.Core.Ir
{
    /// <summary>A position the user wrote: for code expanded from a macro, the line of the macro's use.</summary>
    public readonly record struct SourceSpan(string File, int Line, int Column)
    {
        public static readonly SourceSpan None = new SourceSpan("", 0, 0);

        /// <summary>
        /// Characters the code covers from the start; 0 when the frontend gives only the start (the C frontend). Part of the
        /// identity: two nodes that start at one position (<c>b[1] = 2</c> and <c>b[1]</c>) are two spans.
        /// </summary>
        public int Length { get; init; }

        // Without the file: spans are hashed by the thousand per function, all of them in one file.
        public override int GetHashCode() => unchecked((Line * 397 ^ Column) * 397 ^ Length);

        public override string ToString() => Length == 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}:{Column}+{Length}";
    }
}
