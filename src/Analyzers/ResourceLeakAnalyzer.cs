using System;
using System.Collections.Immutable;
using KLeakLint.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// KL0001–KL0004 for C#: each method body's control flow graph is lowered to the Core IR and checked by the same
    /// engine and the same API pair catalog as C code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ResourceLeakAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleDescriptors.Reported;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // User pairs (spec files, .editorconfig) are read once per compilation; attributes per body.
                var catalogs = UserCatalogs.Create(start.Options, start.CancellationToken);
                start.RegisterOperationBlockAction(block => AnalyzeBlock(block, catalogs));
            });
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, UserCatalogs catalogs)
        {
            if (context.OwningSymbol is not IMethodSymbol method) return;
            foreach (var block in context.OperationBlocks)
            {
                // Only bodies: parameter defaults and attribute arguments have nothing to release. A body block may have a
                // parent (the method body operation); the graph is still asked for with the block itself.
                if (block is not (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation)) continue;
                try
                {
                    var catalog = catalogs.For(block.Syntax.SyntaxTree);
                    if (CatalogCalls.Any(block, catalog))
                    {
                        // The graph must come from the exact element of OperationBlocks (FACTS.md).
                        var graph = context.GetControlFlowGraph(block);
                        foreach (var diagnostic in MethodBodyAnalysis.Run(graph, method, block, catalog, context.CancellationToken))
                            context.ReportDiagnostic(diagnostic);
                    }
                    foreach (var diagnostic in GuardedDangerousRelease.Check(block))
                        context.ReportDiagnostic(diagnostic);
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    // A body the lowering cannot handle is skipped: a crash would surface as AD0001 and stop every other
                    // finding in the compilation. The tests run the same pipeline without this guard.
                }
            }
        }
    }
}
