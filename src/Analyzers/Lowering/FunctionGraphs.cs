using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Lowers a body and every lambda and local function inside it (each has its own control flow graph) to one list
    /// of functions, so that the engine summarizes a local function before the code that calls it.
    /// The catalog must be the body's own layer: pairs declared by attributes on callees are added to it.
    /// </summary>
    internal static class FunctionGraphs
    {
        public static List<FunctionIr> Lower(ControlFlowGraph graph, IMethodSymbol method, IOperation root, SourceMap map,
            SpecCatalog catalog, CancellationToken cancellation)
        {
            // Most bodies have neither; finding that out on the syntax is cheaper than on the operations.
            var nested = root.Syntax.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
            var captured = nested ? CapturedVariables.Find(root, method) : CapturedVariables.None;
            var functions = new List<FunctionIr>();
            var lambdas = 0;
            var pending = new Queue<(ControlFlowGraph Graph, IMethodSymbol Method, string Name)>();
            pending.Enqueue((graph, method, CalleeNames.Of(method)));
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var (current, symbol, name) = pending.Dequeue();
                var body = current.OriginalOperation.Syntax;
                functions.Add(new ControlFlowGraphLowering(current, name, symbol, body, map, catalog, captured, cancellation).Lower());

                if (!nested) continue;
                foreach (var local in current.LocalFunctions)
                    pending.Enqueue((current.GetLocalFunctionControlFlowGraph(local, cancellation), local, CalleeNames.Of(local)));
                foreach (var lambda in AnonymousFunctions(current))
                    pending.Enqueue((current.GetAnonymousFunctionControlFlowGraph(lambda, cancellation), lambda.Symbol, name + ".<lambda>#" + (++lambdas)));
            }
            return functions;
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
