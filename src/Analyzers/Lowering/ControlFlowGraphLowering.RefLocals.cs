using System.Collections.Generic;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Ref locals (<c>ref IntPtr slot = ref p;</c>) are another name for a variable: a store through <c>slot</c> is a
    /// store to <c>p</c>. A ref local bound once to a variable whose place cannot change is that place. Any other (bound
    /// to a ref a call returned, or rebound on some path) is a pointer to memory the method cannot name: a store through
    /// it hands off, which may hide a leak but never invents one.
    /// </summary>
    internal sealed partial class ControlFlowGraphLowering
    {
        /// <summary>Ref locals bound once to a fixed variable, with that variable's place; found on first need.</summary>
        private Dictionary<ILocalSymbol, Place>? _refAliases;

        private Place RefLocalPlace(ILocalSymbol local) =>
            RefAliases().TryGetValue(local, out var referent) ? referent : Place.Of(NameOf(local)).Deref();

        /// <summary><c>slot = ref x</c>: nothing to do for an alias; an unknown pointer otherwise.</summary>
        private Value LowerRefBinding(ILocalSymbol local, IOperation referent, SourceSpan span)
        {
            if (RefAliases().ContainsKey(local)) return Value.Opaque;
            // What naming the referent evaluates (a call that returns the ref, an index) still happens.
            if (IsVariable(referent)) PlaceOf(referent);
            else LowerValue(referent);
            Emit(new AssignInstruction(Place.Of(NameOf(local)), Value.Opaque, span));
            return Value.Opaque;
        }

        private Dictionary<ILocalSymbol, Place> RefAliases()
        {
            if (_refAliases is not null) return _refAliases;
            var bindings = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var block in _graph.Blocks)
                foreach (var operation in block.Operations)
                    foreach (var node in operation.DescendantsAndSelf())
                        if (node is ISimpleAssignmentOperation { IsRef: true, Target: ILocalReferenceOperation target } binding)
                        {
                            if (!bindings.TryGetValue(target.Local, out var values)) bindings[target.Local] = values = new List<IOperation>();
                            values.Add(binding.Value);
                        }
            _refAliases = new Dictionary<ILocalSymbol, Place>(SymbolEqualityComparer.Default);
            foreach (var binding in bindings)
                if (binding.Value.Count == 1 && FixedPlace(binding.Value[0]) is { } place)
                    _refAliases[binding.Key] = place;
            return _refAliases;
        }

        /// <summary>
        /// The place of a variable that names the same storage wherever it is evaluated: a local, a parameter, a static
        /// field, a field of <c>this</c> or of a struct local. Emits nothing.
        /// </summary>
        private Place? FixedPlace(IOperation operation)
        {
            while (operation is IConversionOperation { OperatorMethod: null } conversion) operation = conversion.Operand;
            switch (operation)
            {
                case ILocalReferenceOperation { Local.IsRef: false } local:
                    return _captured.Contains(local.Local) ? null : Place.Of(NameOf(local.Local));
                case IParameterReferenceOperation parameter
                    when !_captured.Contains(parameter.Parameter) && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _method):
                    var root = Place.Of(parameter.Parameter.Name, RootKind.Parameter);
                    return parameter.Parameter.RefKind == RefKind.None ? root : root.Deref();
                case IFieldReferenceOperation { Field.IsStatic: true } field:
                    return Place.Of((field.Field.ContainingType?.Name ?? "?") + "." + field.Field.Name, RootKind.Global);
                case IFieldReferenceOperation { Instance: IInstanceReferenceOperation } field:
                    return Place.Of("this", RootKind.Parameter).Arrow(field.Field.Name);
                case IFieldReferenceOperation { Instance: { Type.IsValueType: true } instance } field when FixedPlace(instance) is { } holder:
                    return holder.Root.Name == "this" ? holder.Arrow(field.Field.Name) : holder.Field(field.Field.Name);
                default:
                    return null;
            }
        }

        private static bool IsVariable(IOperation operation)
        {
            while (operation is IConversionOperation { OperatorMethod: null } conversion) operation = conversion.Operand;
            return operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation;
        }
    }
}
