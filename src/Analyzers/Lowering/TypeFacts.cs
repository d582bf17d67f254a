using System.Linq;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>Questions about types and methods that decide how a value or call is lowered.</summary>
    internal static class TypeFacts
    {
        /// <summary>Values compared with null/zero as pointers: IntPtr, UIntPtr, unmanaged and function pointers, references.</summary>
        public static bool IsPointerLike(ITypeSymbol? type)
        {
            if (type is null) return false;
            switch (type.TypeKind)
            {
                case TypeKind.Pointer:
                case TypeKind.FunctionPointer:
                case TypeKind.Class:
                case TypeKind.Interface:
                case TypeKind.Delegate:
                case TypeKind.Array:
                    return true;
            }
            return type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr;
        }

        /// <summary>A struct declared outside System whose fields the lowering copies one by one (interop structs that carry pointers).</summary>
        public static bool IsUserStruct(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.TypeKind == TypeKind.Struct && named.SpecialType == SpecialType.None
            && !IsInSystemNamespace(named);

        public static bool IsInSystemNamespace(ITypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns is not null && !ns.IsGlobalNamespace && !ns.ContainingNamespace.IsGlobalNamespace) ns = ns.ContainingNamespace;
            return ns is not null && ns.Name == "System";
        }

        /// <summary>Declared with DllImport or LibraryImport (or extern): its body is native code.</summary>
        public static bool IsPlatformInvoke(IMethodSymbol method)
        {
            if (method.IsExtern || method.GetDllImportData() is not null) return true;
            return method.GetAttributes().Any(a => a.AttributeClass?.Name == "LibraryImportAttribute");
        }

        /// <summary>[DoesNotReturn] (ThrowHelper-style methods): control does not come back from the call.</summary>
        public static bool DoesNotReturn(IMethodSymbol method) =>
            method.GetAttributes().Any(a => a.AttributeClass?.Name == "DoesNotReturnAttribute");

        public static bool IsIntPtrZero(IFieldSymbol field) =>
            field.Name == "Zero" && field.IsStatic
            && (field.ContainingType.SpecialType == SpecialType.System_IntPtr || field.ContainingType.SpecialType == SpecialType.System_UIntPtr);

        /// <summary>IntPtr, nint, UIntPtr, nuint and unmanaged pointers: nothing releases what they point to by itself.</summary>
        public static bool IsRawHandle(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr || type.TypeKind == TypeKind.Pointer;

        /// <summary>A SafeHandle (or subclass): the runtime releases what it holds.</summary>
        public static bool IsSafeHandle(ITypeSymbol? type)
        {
            for (var t = type; t is not null; t = t.BaseType)
                if (t.Name == "SafeHandle" && t.ContainingNamespace?.ToDisplayString() == "System.Runtime.InteropServices") return true;
            return false;
        }

        public static bool IsGCHandle(ITypeSymbol? type) =>
            type is not null && type.Name == "GCHandle" && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.InteropServices";
    }
}
