using System.Linq;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// How a C# method is named in the IR and in spec files: <c>TypeName.MethodName</c> with the simple type name
    /// (no namespace, no generic arity), constructors as <c>TypeName..ctor</c>. See the header of dotnet.spec.
    /// </summary>
    internal static class CalleeNames
    {
        public static string Of(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            var type = definition.ContainingType;
            return type is null ? definition.Name : type.Name + "." + definition.Name;
        }

        /// <summary>
        /// The name a call goes by in the catalog: <c>Type.Method</c>, or a P/Invoke's native entry point when the catalog
        /// knows that one (the C side's spec files name <c>mylib_open</c>).
        /// </summary>
        public static string Resolve(IMethodSymbol method, SpecCatalog catalog)
        {
            var name = Of(method);
            // A P/Invoke that returns a SafeHandle has already done what the catalog asks: the runtime releases it.
            if (catalog.Pairs(name) || !TypeFacts.IsPlatformInvoke(method) || TypeFacts.IsSafeHandle(method.ReturnType)
                || method.Parameters.Any(p => p.RefKind == RefKind.Out && TypeFacts.IsSafeHandle(p.Type)))
                return name;
            var entryPoint = EntryPoint(method);
            return catalog.Mentions(entryPoint) ? entryPoint : name;
        }

        /// <summary>The native function a P/Invoke calls: its EntryPoint, or its own name.</summary>
        public static string EntryPoint(IMethodSymbol method)
        {
            if (method.GetDllImportData()?.EntryPointName is { Length: > 0 } dllImport) return dllImport;
            var libraryImport = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "LibraryImportAttribute");
            return libraryImport?.NamedArguments.FirstOrDefault(a => a.Key == "EntryPoint").Value.Value as string ?? method.Name;
        }
    }
}
