using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using IrBlock = KLeakLint.Core.Ir.BasicBlock;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Lowers a body and every lambda and local function inside it (each has its own control flow graph) to one list
    /// of functions, so that the engine summarizes a local function before the code that calls it.
    /// The catalog must be the body's own layer: pairs declared by attributes on callees are added to it.
    /// Wrappers of this compilation that the body calls (<paramref name="isWrapper"/>, in the same file) come first, to
    /// be summarized only (<see cref="FunctionIr.SummaryOnly"/>): their own findings are reported where they are analyzed.
    /// </summary>
    internal static class FunctionGraphs
    {
        public static List<FunctionIr> Lower(ControlFlowGraph graph, IMethodSymbol method, IOperation root, SourceMap map,
            SpecCatalog catalog, CancellationToken cancellation, Func<IMethodSymbol, bool>? isWrapper = null)
        {
            var functions = new List<FunctionIr>();
            var quiet = new HashSet<string>(StringComparer.Ordinal);
            if (isWrapper is not null && root.SemanticModel is { } model)
                new WrapperLowering(method, model, map, catalog, isWrapper, functions, quiet, cancellation).Visit(graph.OriginalOperation, 0);

            // Most bodies have neither; finding that out on the syntax is cheaper than on the operations.
            var nested = root.Syntax.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
            var captured = nested ? CapturedVariables.Find(root, method) : CapturedVariables.None;
            var lambdas = 0;
            var pending = new Queue<(ControlFlowGraph Graph, IMethodSymbol Method, string Name)>();
            pending.Enqueue((graph, method, CalleeNames.Of(method)));
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var (current, symbol, name) = pending.Dequeue();
                var body = current.OriginalOperation.Syntax;
                functions.Add(new ControlFlowGraphLowering(current, name, symbol, body, map, catalog, captured, cancellation, quiet).Lower());

                if (!nested) continue;
                foreach (var local in current.LocalFunctions)
                    pending.Enqueue((current.GetLocalFunctionControlFlowGraph(local, cancellation), local, CalleeNames.Of(local)));
                foreach (var lambda in AnonymousFunctions(current))
                    pending.Enqueue((current.GetAnonymousFunctionControlFlowGraph(lambda, cancellation), lambda.Symbol, name + ".<lambda>#" + (++lambdas)));
            }
            return functions;
        }

        /// <summary>
        /// The wrappers a body calls, and the wrappers they call (<see cref="MaxDepth"/> levels, <see cref="MaxWrappers"/> in
        /// all), lowered callees first. A wrapper is quiet, calls to it get no exception edge, as calls to the catalog's
        /// own releases do not, when its lowering has none (it calls only catalog functions and native code, and throws
        /// nothing) or when it releases a parameter: code does not guard a release against an exception in it.
        /// </summary>
        private sealed class WrapperLowering
        {
            private const int MaxDepth = 2;
            private const int MaxWrappers = 8;

            private readonly SemanticModel _model;
            private readonly SourceMap _map;
            private readonly SpecCatalog _catalog;
            private readonly Func<IMethodSymbol, bool> _isWrapper;
            private readonly List<FunctionIr> _functions;
            private readonly HashSet<string> _quiet;
            private readonly CancellationToken _cancellation;
            private readonly HashSet<IMethodSymbol> _seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

            public WrapperLowering(IMethodSymbol root, SemanticModel model, SourceMap map, SpecCatalog catalog, Func<IMethodSymbol, bool> isWrapper,
                List<FunctionIr> functions, HashSet<string> quiet, CancellationToken cancellation)
            {
                _model = model;
                _map = map;
                _catalog = catalog;
                _isWrapper = isWrapper;
                _functions = functions;
                _quiet = quiet;
                _cancellation = cancellation;
                _seen.Add(root.OriginalDefinition);
            }

            public void Visit(IOperation body, int depth)
            {
                if (depth >= MaxDepth) return;
                foreach (var invocation in Descendants(body).OfType<IInvocationOperation>())
                {
                    var callee = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
                    if (_seen.Count > MaxWrappers || !_isWrapper(callee) || !_seen.Add(callee)) continue;
                    // The body's semantic model reads its own file only.
                    if (Wrappers.Declaration(callee) is not { } declaration || declaration.SyntaxTree != _model.SyntaxTree) continue;
                    _cancellation.ThrowIfCancellationRequested();
                    var graph = ControlFlowGraph.Create(declaration, _model, _cancellation);
                    if (graph is null) continue;
                    Visit(graph.OriginalOperation, depth + 1);
                    FunctionIr function;
                    try
                    {
                        function = new ControlFlowGraphLowering(graph, CalleeNames.Of(callee), callee, declaration, _map, _catalog, CapturedVariables.None,
                            _cancellation, _quiet, receiverIsParameter: !callee.IsStatic).Lower();
                    }
                    catch (LoweringException)
                    {
                        continue;
                    }
                    function.SummaryOnly = true;
                    _functions.Add(function);
                    if (!function.Blocks.Any(RaisesSomething) || ReleasesAParameter(function)) _quiet.Add(function.Name);
                }
            }

            private bool ReleasesAParameter(FunctionIr function) =>
                function.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>().Any(call =>
                    _catalog.FindRelease(call.Callee) is { } release && release.ArgumentIndex < call.Arguments.Count
                    && call.Arguments[release.ArgumentIndex] is Value.Read { Place.Root.Kind: RootKind.Parameter });

            private static bool RaisesSomething(IrBlock block) =>
                block.Terminator is ThrowTerminator || block.Instructions.OfType<CallInstruction>().Any(c => c.OnException is not null);
        }

        /// <summary>Lambdas created directly in this graph (nested ones belong to the lambda's own graph).</summary>
        private static IEnumerable<IFlowAnonymousFunctionOperation> AnonymousFunctions(ControlFlowGraph graph)
        {
            foreach (var block in graph.Blocks)
            {
                var roots = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var operation in roots)
                    foreach (var lambda in Descendants(operation).OfType<IFlowAnonymousFunctionOperation>())
                        yield return lambda;
            }
        }

        private static IEnumerable<IOperation> Descendants(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                // A lambda's body is not part of this graph's operations.
                if (operation is IFlowAnonymousFunctionOperation) continue;
                foreach (var child in operation.ChildOperations) stack.Push(child);
            }
        }
    }
}
