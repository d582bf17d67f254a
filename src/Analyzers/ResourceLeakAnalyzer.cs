using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using KLeakLint.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
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
            // Generated code is skipped below, by the flag the driver computes for each body, not by the driver: with
            // GeneratedCodeAnalysisFlags.None it checks every reported diagnostic for generated code again, and the first
            // check in a file walks all of that file's tokens, which cost more than analyzing it (docs/bench.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // User pairs (spec files, .editorconfig) are read once per compilation; attributes per callee.
                var catalogs = UserCatalogs.Create(start.Options, start.CancellationToken);
                var filters = new ConcurrentDictionary<SpecCatalog, CalledNameFilter>();
                var byTree = new ConcurrentDictionary<SyntaxTree, (SpecCatalog Catalog, CalledNameFilter Filter)>();
                // A code block action, not an operation block action: the compiler then binds only the bodies asked for,
                // those the syntax filter lets through (docs/bench.md).
                start.RegisterCodeBlockAction(block => AnalyzeBody(block, tree => byTree.GetOrAdd(tree, t =>
                {
                    var forTree = catalogs.For(t);
                    return (forTree, filters.GetOrAdd(forTree, c => new CalledNameFilter(start.Compilation, c)));
                })));
            });
        }

        private static void AnalyzeBody(CodeBlockAnalysisContext context, Func<SyntaxTree, (SpecCatalog Catalog, CalledNameFilter Filter)> forTree)
        {
            if (context.IsGeneratedCode || context.OwningSymbol is not IMethodSymbol method || !IsBody(context.CodeBlock)) return;
            try
            {
                var (catalog, filter) = forTree(context.CodeBlock.SyntaxTree);
                if (!filter.MayCallPaired(context.CodeBlock)) return;
                var root = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
                if (root is null || !CatalogCalls.Any(root, catalog, filter.IsWrapper)) return;
                var graph = ControlFlowGraph.Create(context.CodeBlock, context.SemanticModel, context.CancellationToken);
                if (graph is null) return;
                foreach (var diagnostic in MethodBodyAnalysis.Run(graph, method, graph.OriginalOperation, catalog, context.CancellationToken, filter.IsWrapper))
                    context.ReportDiagnostic(diagnostic);
                foreach (var diagnostic in GuardedDangerousRelease.Check(graph.OriginalOperation))
                    context.ReportDiagnostic(diagnostic);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // A body the lowering cannot handle is reported as such and skipped: a crash would surface as AD0001 and
                // stop every other finding in the compilation. The tests run the same pipeline without this guard.
                context.ReportDiagnostic(MethodBodyAnalysis.Incomplete(method, context.CodeBlock,
                    "the method could not be lowered (" + e.GetType().Name + "); findings for it may be missing"));
            }
        }

        /// <summary>Bodies of methods, constructors, accessors, operators and local functions' hosts; not parameter defaults or attribute arguments.</summary>
        private static bool IsBody(SyntaxNode block) =>
            block is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax;
    }
}
