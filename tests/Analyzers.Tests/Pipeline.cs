using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// The analyzer's pipeline without the analyzer host and without its exception guard: a lowering bug fails the
    /// test here instead of being skipped. Also gives the IR, for tests that look at the lowering itself.
    /// </summary>
    internal static class Pipeline
    {
        public static readonly SpecCatalog Catalog = KLeakLint.Analyzers.Catalogs.UserCatalogs.BuiltIn.Value;

        public static CSharpCompilation Compile(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(Verify.Usings + source, path: "Test0.cs");
            var compilation = CSharpCompilation.Create("Snippet", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new InvalidOperationException("snippet does not compile: " + string.Join("; ", errors));
            return compilation;
        }

        /// <summary>Every method body of the source, each with its graph and the root operation the analyzer gets.</summary>
        public static IEnumerable<(IMethodSymbol Method, ControlFlowGraph Graph, IOperation Root)> Bodies(CSharpCompilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(declaration) is not { } root || model.GetDeclaredSymbol(declaration) is not IMethodSymbol method) continue;
                    ControlFlowGraph graph = root switch
                    {
                        IMethodBodyOperation body => ControlFlowGraph.Create(body),
                        IConstructorBodyOperation body => ControlFlowGraph.Create(body),
                        _ => throw new InvalidOperationException("unexpected root " + root.Kind),
                    };
                    yield return (method, graph, root);
                }
            }
        }

        public static List<Diagnostic> Run(string source)
        {
            var compilation = Compile(source);
            var filter = new CalledNameFilter(compilation, Catalog);
            var diagnostics = new List<Diagnostic>();
            foreach (var (method, graph, root) in Bodies(compilation))
                diagnostics.AddRange(MethodBodyAnalysis.Run(graph, method, root, Catalog, CancellationToken.None, filter.IsWrapper));
            return diagnostics;
        }

        public static List<FunctionIr> Lower(string source)
        {
            var compilation = Compile(source);
            var functions = new List<FunctionIr>();
            foreach (var (method, graph, root) in Bodies(compilation))
                functions.AddRange(FunctionGraphs.Lower(graph, method, root, new SourceMap(), new SpecCatalog(Catalog), CancellationToken.None));
            return functions;
        }
    }
}
