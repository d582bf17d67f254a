using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Locals and parameters that a lambda or local function shares with its enclosing code. They live in a closure
    /// object, not in one frame, so the lowering treats them as global memory: storing a resource there hands it off.
    /// </summary>
    internal sealed class CapturedVariables
    {
        /// <summary>For a body without lambdas or local functions.</summary>
        public static readonly CapturedVariables None = new CapturedVariables();

        private readonly HashSet<ISymbol> _captured = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public static CapturedVariables Find(IOperation root, ISymbol owner)
        {
            var result = new CapturedVariables();
            var stack = new Stack<(IOperation Operation, ISymbol Function)>();
            stack.Push((root, owner));
            while (stack.Count > 0)
            {
                var (operation, function) = stack.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation lambda: function = lambda.Symbol; break;
                    case ILocalFunctionOperation local: function = local.Symbol; break;
                    case ILocalReferenceOperation reference when !SymbolEqualityComparer.Default.Equals(reference.Local.ContainingSymbol, function):
                        result._captured.Add(reference.Local);
                        break;
                    case IParameterReferenceOperation reference when !SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function):
                        result._captured.Add(reference.Parameter);
                        break;
                }
                foreach (var child in operation.ChildOperations) stack.Push((child, function));
            }
            return result;
        }

        public bool Contains(ISymbol symbol) => _captured.Contains(symbol);
    }
}
