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
    }
}
