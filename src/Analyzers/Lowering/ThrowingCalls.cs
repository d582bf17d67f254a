using System.Collections.Generic;
using System.Linq;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Which calls get an exception edge (docs/rules/KL0101.md). Every call may throw except: the functions the spec
    /// catalog knows (allocators, releases, readers: an OutOfMemoryException in the middle of them is not something code
    /// guards against), P/Invokes (native code does not raise managed exceptions), arithmetic and pointer helpers, struct
    /// default constructors, and methods of this compilation whose body is too simple to throw.
    /// </summary>
    internal static class ThrowingCalls
    {
        /// <summary>Catalog functions that are meant to throw in the middle of the code that uses them.</summary>
        private static readonly HashSet<string> CatalogFunctionsThatThrow = new HashSet<string>(System.StringComparer.Ordinal)
        {
            // Throws ObjectDisposedException instead of returning success = false: the reason for the guarded pattern.
            "SafeHandle.DangerousAddRef",
        };

        /// <summary>
        /// System types whose members do not throw on valid input: arithmetic helpers, and the interop helpers used between
        /// an allocation and its release (marshalling reads and writes, span access). Code does not guard them.
        /// </summary>
        private static readonly HashSet<string> NonThrowingTypes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Math", "MathF", "GC", "Interlocked", "Volatile", "Unsafe",
            "Marshal", "NativeMemory", "Buffer", "MemoryMarshal", "Span", "ReadOnlySpan",
        };

        /// <summary>Members of those types that exist to throw.</summary>
        private static readonly HashSet<string> ThrowingMethods = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Marshal.ThrowExceptionForHR", "Marshal.GetExceptionForHR",
        };

        /// <summary>Methods that do not throw on valid input, as <c>Type.Method</c>.</summary>
        private static readonly HashSet<string> NonThrowingMethods = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Object.ReferenceEquals", "Object.GetType", "String.IsNullOrEmpty", "String.IsNullOrWhiteSpace",
            "GCHandle.ToIntPtr", "Monitor.Enter", "Monitor.Exit", "Monitor.TryEnter",
            // What `x?.Length ?? 0` and `n ?? 0` are compiled to.
            "Nullable.GetValueOrDefault",
            // A task's failure comes out of the await (which has its own exception edge), not out of these.
            "Task.ConfigureAwait", "ValueTask.ConfigureAwait", "Task.Yield",
        };

        /// <summary>
        /// A <c>foreach</c> over an array, a string, a span or a collection class of the base library: its enumerator throws
        /// only when the collection is changed under it, which code does not guard against. An interface (any
        /// <c>IEnumerable&lt;T&gt;</c>, maybe an iterator method) runs code that may throw.
        /// </summary>
        private static bool EnumeratesQuietly(CommonForEachStatementSyntax loop, SemanticModel? model)
        {
            var type = model?.GetTypeInfo(loop.Expression).Type;
            if (type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String) return true;
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named) return false;
            var ns = named.ContainingNamespace?.ToDisplayString();
            return ns is "System.Collections" or "System.Collections.Generic" or "System.Collections.Concurrent" or "System.Collections.Immutable"
                || ns == "System" && named.Name is "Span" or "ReadOnlySpan";
        }

        /// <summary>Bodies longer than this are not read to prove they cannot throw.</summary>
        private const int MaxTrivialBodyLength = 2000;

        /// <param name="call">The call as the graph has it: the calls a <c>foreach</c> is compiled to are told by their syntax.</param>
        /// <param name="model">The model of the body (operations of a control flow graph have none of their own).</param>
        public static bool MayThrow(IMethodSymbol? method, string name, SpecCatalog catalog, IOperation? call = null, SemanticModel? model = null)
        {
            if (method is null || CatalogFunctionsThatThrow.Contains(name) || ThrowingMethods.Contains(name)) return true;
            if (catalog.Mentions(name) || NonThrowingMethods.Contains(name) || TypeFacts.IsPlatformInvoke(method)) return false;
            // .NET's design guidelines: Dispose does not throw (a using statement, a foreach's enumerator, an explicit call).
            if (method.Name == "Dispose" && method.Parameters.Length == 0 && method.ReturnsVoid) return false;
            // The enumerator calls a foreach is compiled to are implicit and point at its collection expression.
            if (call is { IsImplicit: true, Syntax: { Parent: CommonForEachStatementSyntax loop } syntax } && loop.Expression == syntax
                && EnumeratesQuietly(loop, model)) return false;
            var type = method.ContainingType;
            if (type is null) return true;
            if (method.MethodKind == MethodKind.Constructor && method.IsImplicitlyDeclared && type.IsValueType) return false;
            if (IsPrimitive(type.SpecialType) && !method.Name.StartsWith("Parse", System.StringComparison.Ordinal) || NonThrowingTypes.Contains(type.Name) && TypeFacts.IsInSystemNamespace(type)) return false;
            return !HasTrivialBody(method);
        }

        private static bool IsPrimitive(SpecialType type) =>
            type == SpecialType.System_IntPtr || type == SpecialType.System_UIntPtr || type == SpecialType.System_Boolean
            || type == SpecialType.System_Char || type >= SpecialType.System_SByte && type <= SpecialType.System_Double;

        /// <summary>
        /// A non-virtual method of this compilation whose body calls, creates, indexes, casts, awaits and throws nothing
        /// (a getter-like helper). Anything that could be overridden, or whose body is elsewhere, may throw.
        /// </summary>
        private static bool HasTrivialBody(IMethodSymbol method)
        {
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType.TypeKind == TypeKind.Interface) return false;
            if (method.DeclaringSyntaxReferences.Length != 1) return false;
            var body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                _ => null,
            };
            if (body is null || body.Span.Length > MaxTrivialBodyLength) return false;
            return !body.DescendantNodes().Any(MayRaise);
        }

        private static bool MayRaise(SyntaxNode node) => node.Kind() switch
        {
            SyntaxKind.InvocationExpression or SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression
                or SyntaxKind.ThrowStatement or SyntaxKind.ThrowExpression or SyntaxKind.ElementAccessExpression
                or SyntaxKind.CastExpression or SyntaxKind.AwaitExpression or SyntaxKind.CheckedExpression => true,
            _ => false,
        };
    }
}
