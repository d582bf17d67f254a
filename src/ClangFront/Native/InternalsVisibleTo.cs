using System.Runtime.CompilerServices;

// The binding tests force the token fallback for operators (LibClang.ForceTokenFallbackForTests).
[assembly: InternalsVisibleTo("KLeakLint.ClangFront.Tests")]
