namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// A macro expanded in the main file: its name and the extent of the use, from the name to the
    /// end of its arguments (EndColumn is one past the last character, as libclang reports it).
    /// </summary>
    public sealed record MacroUse(string Name, int Line, int Column, int EndLine, int EndColumn);
}
