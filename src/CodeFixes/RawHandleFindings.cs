using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// Every KL0102 finding of a project, from the analyzer itself (with the project's spec files and options): which
    /// other P/Invokes are acquires is the catalogs' knowledge, not something the fix can guess from names.
    /// </summary>
    internal static class RawHandleFindings
    {
        public static async Task<ImmutableArray<Diagnostic>> InAsync(Project project, CancellationToken cancellation)
        {
            var compilation = await project.GetCompilationAsync(cancellation).ConfigureAwait(false);
            if (compilation is null) return ImmutableArray<Diagnostic>.Empty;
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RawOwnedHandleAnalyzer());
            return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellation).ConfigureAwait(false);
        }
    }
}
