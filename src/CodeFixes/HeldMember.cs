using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// Which fields and properties KL0102's fix can give the handle class: those whose every use it can see and rewrite.
    /// A private instance field of a class (one per declaration), or a private auto-property; used through <c>this</c>.
    /// </summary>
    internal static class HeldMember
    {
        /// <summary>The member read or written on this object (<c>_db</c>, <c>this._db</c>), not on another instance.</summary>
        public static bool IsOwn(IOperation operation) =>
            operation is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } reference
            && (reference is IFieldReferenceOperation || reference is IPropertyReferenceOperation { Arguments: { Length: 0 } });

        /// <summary>The declaration whose type the fix changes, or null for a member it does not follow.</summary>
        public static MemberDeclarationSyntax? Declaration(ISymbol member, CancellationToken cancellation)
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Private || member.IsImplicitlyDeclared) return null;
            // A record's generated Equals, GetHashCode and copy constructor use the field where the fix cannot see them.
            if (!(member.ContainingType is { TypeKind: TypeKind.Class, IsRecord: false } type) || HasLayout(type)) return null;
            if (member.DeclaringSyntaxReferences.Length != 1) return null;
            var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellation);
            switch (member)
            {
                case IFieldSymbol field when !field.IsConst && !field.IsFixedSizeBuffer && InteropFacts.IsRawHandle(field.Type):
                    return syntax is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables: { Count: 1 }, Parent: FieldDeclarationSyntax declaration } }
                        ? declaration
                        : null;
                case IPropertySymbol property when IsPlain(property) && InteropFacts.IsRawHandle(property.Type):
                    return syntax is PropertyDeclarationSyntax autoProperty && IsAutoImplemented(autoProperty) ? autoProperty : null;
                default:
                    return null;
            }
        }

        /// <summary>The member's type as written: what the fix replaces.</summary>
        public static TypeSyntax TypeOf(MemberDeclarationSyntax declaration) =>
            declaration is FieldDeclarationSyntax field ? field.Declaration.Type : ((PropertyDeclarationSyntax)declaration).Type;

        /// <summary>A finalizer here or in a base class runs on an object whose constructor threw before it set the field.</summary>
        public static bool HasFinalizer(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                if (t.GetMembers().OfType<IMethodSymbol>().Any(m => m.MethodKind == MethodKind.Destructor))
                    return true;
            return false;
        }

        /// <summary>A class the marshaller lays out (passed to native code by reference): a SafeHandle field would change its layout.</summary>
        private static bool HasLayout(INamedTypeSymbol type) =>
            type.GetAttributes().Any(a => a.AttributeClass?.Name == "StructLayoutAttribute");

        private static bool IsPlain(IPropertySymbol property) =>
            !property.IsIndexer && !property.IsAbstract && !property.IsVirtual && !property.IsOverride && !property.IsExtern
            && property.ExplicitInterfaceImplementations.Length == 0;

        /// <summary><c>{ get; set; }</c>, <c>{ get; }</c>, <c>{ get; init; }</c>: a hidden field under another name.</summary>
        private static bool IsAutoImplemented(PropertyDeclarationSyntax property) =>
            property.ExpressionBody is null && property.AccessorList is { } accessors
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
    }
}
