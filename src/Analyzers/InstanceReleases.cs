using System.Collections.Generic;
using System.Linq;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// Whether a release the catalog names <c>Type.Method</c> is called on the resource in C# (<c>pin.Free()</c>,
    /// <c>handle.DangerousRelease()</c>, an extension method) rather than given it (<c>Marshal.FreeHGlobal(p)</c>). The
    /// catalog does not say: dotnet.spec counts the receiver as argument 0 either way. The method is looked for where
    /// the code shows it: a call of it in the body, then the types the acquiring call involves (its declaring type, its
    /// result, its receiver, with their bases), then the compilation's own sources.
    /// </summary>
    internal static class InstanceReleases
    {
        public static bool IsInstanceMethod(string release, string acquire, IOperation body, SpecCatalog catalog)
        {
            var dot = release.LastIndexOf('.');
            if (dot <= 0) return false;
            var typeName = release.Substring(0, dot);
            var methodName = release.Substring(dot + 1);

            var acquireTypes = new List<ITypeSymbol>();
            foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
            {
                var name = CalleeNames.Resolve(invocation.TargetMethod, catalog);
                if (name == release) return IsCalledOnReceiver(invocation.TargetMethod);
                if (name != acquire) continue;
                acquireTypes.Add(invocation.TargetMethod.ContainingType);
                acquireTypes.Add(invocation.TargetMethod.ReturnType);
                if (invocation.Instance?.Type is { } receiver) acquireTypes.Add(receiver);
            }

            var declared = acquireTypes.SelectMany(SelfAndBases).Where(t => t.Name == typeName)
                .SelectMany(t => t.GetMembers(methodName)).OfType<IMethodSymbol>()
                .Concat(body.SemanticModel?.Compilation.GetSymbolsWithName(methodName, SymbolFilter.Member).OfType<IMethodSymbol>()
                    .Where(m => m.ContainingType?.Name == typeName) ?? Enumerable.Empty<IMethodSymbol>());
            return declared.FirstOrDefault() is { } method && IsCalledOnReceiver(method);
        }

        /// <summary>An instance method, or an extension method called as one.</summary>
        private static bool IsCalledOnReceiver(IMethodSymbol method) => !method.IsStatic || method.IsExtensionMethod;

        private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol? type)
        {
            for (; type is not null; type = type.BaseType) yield return type;
        }
    }
}
