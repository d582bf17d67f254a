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

        /// <summary>Bodies longer than this are not read to prove they cannot throw.</summary>
        private const int MaxTrivialBodyLength = 2000;

        public static bool MayThrow(IMethodSymbol? method, string name, SpecCatalog catalog)
        {
            if (method is null || CatalogFunctionsThatThrow.Contains(name) || ThrowingMethods.Contains(name)) return true;
            if (catalog.Mentions(name) || NonThrowingMethods.Contains(name) || TypeFacts.IsPlatformInvoke(method)) return false;
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
