using System.Collections.Generic;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Flags
{
    /// <summary>
    /// How to parse one file: compiler arguments (no compiler name, no source file), files libclang
    /// reads from memory, and whether the file is parsed without its real headers (with the prelude).
    /// </summary>
    public sealed record CompileSetup(IReadOnlyList<string> Arguments, IReadOnlyList<UnsavedFile> UnsavedFiles, bool Headerless);
}
