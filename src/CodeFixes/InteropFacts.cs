using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.CodeFixes
{
    /// <summary>Questions about P/Invokes and the values they pass, asked while rewriting them (the analyzers' own helpers are internal to them).</summary>
    internal static class InteropFacts
    {
        /// <summary>Declared with DllImport or LibraryImport (or extern): the marshaller, not C#, converts its arguments.</summary>
        public static bool IsPlatformInvoke(IMethodSymbol method) =>
            method.IsExtern || method.GetDllImportData() is not null || method.GetAttributes().Any(a => a.AttributeClass?.Name == "LibraryImportAttribute");

        /// <summary>
        /// A partial method (a [LibraryImport] P/Invoke) whose implementation part is written in the sources rather than
        /// generated: a fix that retypes the declaration would have to retype that too, so it leaves the method alone.
        /// A generated part (the LibraryImport generator's) is no document of the solution and follows the declaration.
        /// </summary>
        public static bool ImplementedInSource(IMethodSymbol method, Solution solution) =>
            method.OriginalDefinition.PartialImplementationPart is { } implementation
            && implementation.DeclaringSyntaxReferences.Any(r => solution.GetDocument(r.SyntaxTree) is not null);

        /// <summary>The native function a P/Invoke binds: the DllImport or LibraryImport entry point, else its name.</summary>
        public static string EntryPoint(IMethodSymbol method)
        {
            if (method.GetDllImportData()?.EntryPointName is { } dllImport) return dllImport;
            var libraryImport = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "LibraryImportAttribute");
            var named = libraryImport?.NamedArguments.FirstOrDefault(a => a.Key == "EntryPoint").Value;
            return named?.Value as string ?? method.Name;
        }

        /// <summary>IntPtr, nint, UIntPtr, nuint and unmanaged pointers: the types KL0102 reports and a SafeHandle can stand in for.</summary>
        public static bool IsRawHandle(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr || type.TypeKind == TypeKind.Pointer;

        public static bool IsSafeHandle(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
                if (t.Name == "SafeHandle") return true;
            return false;
        }

        /// <summary>Seen outside its assembly: a type in its signature must be public too (CS0050, CS0051).</summary>
        public static bool IsExternallyVisible(ISymbol symbol)
        {
            for (ISymbol? s = symbol; s is not null && s.Kind != SymbolKind.Namespace; s = s.ContainingSymbol)
                if (s.DeclaredAccessibility != Accessibility.Public && s.DeclaredAccessibility != Accessibility.Protected
                    && s.DeclaredAccessibility != Accessibility.ProtectedOrInternal)
                    return false;
            return true;
        }

        /// <summary>The same method seen from two compilations of the solution (a caller's project and the declaring one).</summary>
        public static string Key(IMethodSymbol method) =>
            method.OriginalDefinition.ContainingAssembly?.Name + ":" + method.OriginalDefinition.GetDocumentationCommentId();

        /// <summary>IntPtr.Zero, UIntPtr.Zero, 0, null, default: what code compares a raw handle with to ask whether the acquire failed.</summary>
        public static bool IsZero(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
            switch (operation)
            {
                case IDefaultValueOperation:
                    return true;
                case IFieldReferenceOperation { Field: { Name: "Zero", IsStatic: true } field }:
                    return IsRawHandle(field.ContainingType);
            }
            if (!operation.ConstantValue.HasValue) return false;
            var value = operation.ConstantValue.Value;
            return value is null || value is int i && i == 0 || value is long l && l == 0 || value is uint u && u == 0 || value is ulong ul && ul == 0;
        }

        /// <summary>The value as its consumer sees it: above implicit identity conversions (IntPtr to nint), which change nothing.</summary>
        public static IOperation Outermost(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } conversion && conversion.Conversion.IsIdentity) operation = conversion;
            return operation;
        }

        public static IOperation Innermost(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion && conversion.Conversion.IsIdentity) operation = conversion.Operand;
            return operation;
        }
    }
}
