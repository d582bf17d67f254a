using System.Collections.Generic;
using System.Linq;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>Statements and expressions: calls, stores, reads, and the places they name.</summary>
    internal sealed partial class ControlFlowGraphLowering
    {
        /// <summary>A store whose target the IR cannot name: memory this function does not own, so storing there hands off.</summary>
        private static readonly Place Heap = Place.Of("<heap>", RootKind.Global);

        /// <summary>Struct fields copied one by one on assignment; a bigger struct is copied as one value.</summary>
        private const int MaxCopiedFields = 16;

        /// <summary>Levels of nested structs whose fields a copy follows; deeper ones are copied as one value.</summary>
        private const int MaxNestedStructs = 3;

        private readonly Dictionary<CaptureId, Place> _captures = new Dictionary<CaptureId, Place>();

        /// <summary>
        /// Captures of a variable or field that an assignment may write through (<c>_f = c ? a : b</c> captures <c>_f</c>
        /// before the branches): a store to the capture is a store to what it names, not to a temporary.
        /// </summary>
        private readonly Dictionary<CaptureId, Place> _capturedReferences = new Dictionary<CaptureId, Place>();
        private readonly HashSet<IMethodSymbol> _learnedCallees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, string> _unnamedLocals = new Dictionary<ILocalSymbol, string>(SymbolEqualityComparer.Default);
        private int _temporaries;

        private void LowerStatement(IOperation operation)
        {
            switch (operation)
            {
                case IExpressionStatementOperation { Operation: IInvocationOperation invocation }:
                    LowerInvocation(invocation, discarded: true);
                    break;
                case IExpressionStatementOperation statement:
                    LowerValue(statement.Operation);
                    break;
                case IFlowCaptureOperation capture:
                    var value = LowerCapturedValue(capture);
                    var temporary = CapturePlace(capture.Id, capture.Value);
                    Emit(new AssignInstruction(temporary, value, _map.SpanOf(capture.Value.Syntax)));
                    CopyStructFields(temporary, value, capture.Value.Type, _map.SpanOf(capture.Value.Syntax));
                    break;
                default:
                    LowerValue(operation);
                    break;
            }
        }

        /// <summary>The value a flow capture holds; a captured variable or field is also remembered as a store target.</summary>
        private Value LowerCapturedValue(IFlowCaptureOperation capture)
        {
            if (!IsVariableReference(capture.Value)) return LowerValue(capture.Value);
            // Named once: lowering the receiver twice would repeat its calls.
            var place = PlaceOf(capture.Value);
            if (place is null) return Value.Opaque;
            _capturedReferences[capture.Id] = place;
            return new Value.Read(place);
        }

        private static bool IsVariableReference(IOperation operation) =>
            operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation
                or IPropertyReferenceOperation { Arguments.Length: 0 }
            && !operation.ConstantValue.HasValue && !IsNullLike(operation);

        /// <summary>Emits what evaluating the operation does and returns the value it produces.</summary>
        private Value LowerValue(IOperation operation)
        {
            if (operation.Kind == OperationKind.Invalid) throw new LoweringException("invalid operation (code with compile errors)");
            if (operation.ConstantValue.HasValue) return ConstantOf(operation);
            switch (operation)
            {
                case IConversionOperation conversion when conversion.OperatorMethod is null:
                    return LowerValue(conversion.Operand);
                case ILiteralOperation or IDefaultValueOperation when IsNullLike(operation):
                    return Value.Null;
                case IFieldReferenceOperation field when TypeFacts.IsIntPtrZero(field.Field):
                    return Value.Null;
                case IInvocationOperation invocation:
                    return LowerInvocation(invocation);
                case IObjectCreationOperation creation:
                    return LowerCall(creation.Constructor, CalleeNames.Of(creation.Constructor!), null, creation.Arguments, creation, creation.Initializer);
                case ISimpleAssignmentOperation assignment:
                    return LowerAssignment(assignment);
                case ICompoundAssignmentOperation compound:
                    LowerValue(compound.Value);
                    return Overwrite(compound.Target, compound);
                case IIncrementOrDecrementOperation increment:
                    return Overwrite(increment.Target, increment);
                case IFlowCaptureReferenceOperation reference:
                    return new Value.Read(CapturePlace(reference.Id, null));
                case IAddressOfOperation addressOf:
                    return PlaceOf(addressOf.Reference) is { } addressed ? new Value.AddressOf(addressed) : Value.Opaque;
                case IFlowAnonymousFunctionOperation:
                    // Variables the lambda uses are shared (CapturedVariables): creating the delegate moves nothing.
                    return Value.Opaque;
                case IBinaryOperation binary:
                    LowerValue(binary.LeftOperand);
                    LowerValue(binary.RightOperand);
                    return Value.Opaque;
                case IUnaryOperation unary:
                    LowerValue(unary.Operand);
                    return Value.Opaque;
                case IIsNullOperation isNull:
                    LowerValue(isNull.Operand);
                    return Value.Opaque;
                case IPropertyReferenceOperation property when property.Arguments.Length > 0:
                    var getter = property.Property.GetMethod;
                    return LowerCall(getter, getter is null ? "<indexer>" : CalleeNames.Of(getter), property.Instance, property.Arguments, property, null);
                case IDeclarationExpressionOperation declaration:
                    return LowerValue(declaration.Expression);
                case IDiscardOperation:
                    return Value.Opaque;
                case IAwaitOperation awaited:
                    return LowerAwait(awaited);
                case IInterpolatedStringOperation or IIsTypeOperation or IIsPatternOperation or ITypeOfOperation or ISizeOfOperation or INameOfOperation:
                    // Formatting or testing a pointer reads it and keeps nothing.
                    foreach (var child in operation.ChildOperations) LowerValue(child);
                    return Value.Opaque;
                case IInstanceReferenceOperation:
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                case IFieldReferenceOperation:
                case IPropertyReferenceOperation:
                case IArrayElementReferenceOperation:
                    return PlaceOf(operation) is { } place ? new Value.Read(place) : Value.Opaque;
            }

            if (PointerPlaceOf(operation) is { } dereferenced)
            {
                Emit(new UseInstruction(dereferenced.Parent!, UseKind.Dereference, _map.SpanOf(operation.Syntax)));
                return new Value.Read(dereferenced);
            }

            // Anything else (tuples, arrays, collection expressions, await, ...): what it is built from may end up anywhere,
            // so it is handed off. That can hide a leak but never invents one.
            foreach (var child in operation.ChildOperations)
                HandOff(LowerValue(child), operation.Syntax);
            return Value.Opaque;
        }

        /// <summary>Compile-time constants: null, integers (enums, chars) and booleans as 0/1; strings and floats mean nothing here.</summary>
        private static Value ConstantOf(IOperation operation) => operation.ConstantValue.Value switch
        {
            null => Value.Null,
            bool flag => new Value.Constant(flag ? 1 : 0),
            var number when IsInteger(number) => new Value.Constant(System.Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture)),
            _ => Value.Opaque,
        };

        private static bool IsInteger(object value) =>
            value is int or long or short or sbyte or byte or ushort or uint or char || value is ulong u && u <= long.MaxValue;

        // ---- calls --------------------------------------------------------------------------------------------

        /// <param name="into">Where the result goes (<c>p = Alloc()</c>): no temporary then, so <c>p</c> is the only place holding it.</param>
        /// <param name="discarded">The result is not used. It still gets a temporary when the call hands out a new
        /// resource as its result (a dropped allocation is a leak), but not for <c>Marshal.AddRef(p)</c>-style calls whose
        /// dropped result leaves the reference on the argument.</param>
        private Value LowerInvocation(IInvocationOperation invocation, Place? into = null, bool discarded = false)
        {
            var method = invocation.TargetMethod;
            var name = CalleeName(method);
            if (name == ThrowForFailedHResult && invocation.Arguments.Length > 0) return LowerThrowForFailedHResult(invocation, name);
            if (IsToPointer(method) && invocation.Instance is { } number) return LowerSameNumber(number, into, invocation);
            if (discarded && GuardHelper.Of(method, _graph.OriginalOperation.SemanticModel?.Compilation) is { } guard && GuardedArgument(invocation, guard) is { } checkedValue)
                return LowerGuardedCall(invocation, guard, checkedValue);
            var acquire = _catalog.FindAcquire(name);
            var keepsResult = !discarded || acquire is { Location: ResourceLocation.ReturnValue, ReturnsArgument: null }
                || acquire is null && TypeFacts.IsPointerLike(method.ReturnType);
            var result = LowerCall(method, name, invocation.Instance, invocation.Arguments, invocation, null, into, keepsResult);
            if (TypeFacts.DoesNotReturn(method))
            {
                _current.Terminator = new UnreachableTerminator(_map.SpanOf(invocation.Syntax));
                _current = Dead();
            }
            return result;
        }

        /// <summary><c>IntPtr.ToPointer()</c>: the same address as a pointer type, like a cast (<c>(byte*)Marshal.AllocHGlobal(n).ToPointer()</c>).</summary>
        private static bool IsToPointer(IMethodSymbol method) =>
            method.Name == "ToPointer" && method.Parameters.Length == 0
            && method.ContainingType?.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

        /// <summary>A call that gives back its receiver's value unchanged: the result holds what the receiver holds.</summary>
        private Value LowerSameNumber(IOperation receiver, Place? into, IOperation call)
        {
            var value = LowerValue(receiver);
            if (into is null) return value;
            Emit(new AssignInstruction(into, value, _map.SpanOf(call.Syntax)));
            return new Value.Read(into);
        }

        private const string ThrowForFailedHResult = "Marshal.ThrowExceptionForHR";

        /// <summary>
        /// <c>Marshal.ThrowExceptionForHR(hr)</c> throws only for a failure HRESULT, <c>hr &lt; 0</c>: after
        /// <c>hr = Marshal.QueryInterface(...)</c> the path where it throws is the one where no interface was handed out.
        /// </summary>
        private Value LowerThrowForFailedHResult(IInvocationOperation invocation, string name)
        {
            var span = _map.SpanOf(invocation.Syntax);
            var values = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => LowerValue(a.Value)).ToList();
            var throws = _function.NewBlock();
            var returns = _function.NewBlock();
            _current.Terminator = new BranchTerminator(new Condition.Compare(values[0], CompareOp.Lt, 0), throws, returns, span);
            throws.Instructions.Add(new CallInstruction(null, name, values, span) { OnException = CurrentHandler() });
            throws.Terminator = new UnreachableTerminator(span);
            _current = returns;
            return Value.Opaque;
        }

        /// <summary>The value a guard helper compares, when lowering it again for the call costs nothing (a variable or a constant).</summary>
        private Value? GuardedArgument(IInvocationOperation invocation, GuardHelper guard)
        {
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == guard.ParameterOrdinal)?.Value;
            if (argument is null || argument is IConversionOperation { OperatorMethod: not null }) return null;
            var unconverted = argument is IConversionOperation conversion ? conversion.Operand : argument;
            if (unconverted is not (ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation)) return null;
            return LowerValue(argument);
        }

        /// <summary>
        /// A call to a <see cref="GuardHelper"/>: where the helper does nothing the call is left out, elsewhere it is
        /// made as any call (with its exception edge), so the engine sees which values the throwing path carries.
        /// </summary>
        private Value LowerGuardedCall(IInvocationOperation invocation, GuardHelper guard, Value checkedValue)
        {
            var span = _map.SpanOf(invocation.Syntax);
            var calls = _function.NewBlock();
            var after = _function.NewBlock();
            _current.Terminator = new BranchTerminator(new Condition.Compare(checkedValue, guard.DoesNothingWhen, guard.Constant), after, calls, span);
            _current = calls;
            LowerCall(invocation.TargetMethod, CalleeName(invocation.TargetMethod), invocation.Instance, invocation.Arguments, invocation, null, keepsResult: false);
            _current.Terminator = new GotoTerminator(after, span);
            _current = after;
            return Value.Opaque;
        }

        /// <summary>
        /// <c>result = Type.Method(receiver, args...)</c>: the receiver of an instance method is argument 0 (dotnet.spec),
        /// arguments are placed by parameter position, a params array is spread, <c>out</c> and <c>ref</c> variables are
        /// written by the callee.
        /// </summary>
        private Value LowerCall(IMethodSymbol? method, string name, IOperation? instance, IEnumerable<IArgumentOperation> arguments,
            IOperation call, IObjectOrCollectionInitializerOperation? initializer, Place? into = null, bool keepsResult = true)
        {
            var span = _map.SpanOf(call.Syntax);
            var values = new List<Value>();
            var offset = 0;
            if (instance is not null)
            {
                values.Add(LowerValue(instance));
                offset = 1;
            }
            var positional = new SortedDictionary<int, Value>();
            var spread = new List<Value>();
            var written = new List<Place>();
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array)
                {
                    foreach (var element in array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>()) spread.Add(LowerValue(element));
                    continue;
                }
                var value = LowerValue(argument.Value);
                var index = parameter?.Ordinal ?? positional.Count;
                if (parameter?.RefKind == RefKind.Out && value is Value.Read outTarget)
                {
                    value = new Value.AddressOf(outTarget.Place);
                    if (!AcquiresThrough(name, index + offset)) written.Add(outTarget.Place);
                }
                else if (parameter?.RefKind == RefKind.Ref && value is Value.Read refTarget)
                {
                    // The callee may keep or replace what the variable holds: it is passed as itself, then forgotten.
                    written.Add(refTarget.Place);
                }
                positional[index] = value;
            }
            foreach (var value in positional.Values) values.Add(value);
            values.AddRange(spread);

            // Native code behind a P/Invoke reads the memory it is given and, unless a spec says otherwise, keeps nothing.
            var isPlatformInvoke = method is not null && TypeFacts.IsPlatformInvoke(method) && !IsKnown(name);
            // `new Wrapper(p)` makes the object that holds p from now on (a wrapper's constructor keeps its handle).
            var keepsArguments = call is IObjectCreationOperation && method?.ContainingType is { IsReferenceType: true } && !IsKnown(name);

            var returnsValue = keepsResult && (method is null || method.MethodKind == MethodKind.Constructor || !method.ReturnsVoid);
            var result = returnsValue ? into ?? NewTemporary(name + "()") : null;
            Emit(new CallInstruction(result, name, values, span)
            {
                Indirect = method is null || method.ContainingType?.TypeKind == TypeKind.Delegate,
                KeepsNothing = isPlatformInvoke,
                KeepsArguments = keepsArguments,
                OnException = ThrowingCalls.MayThrow(method, name, _catalog, call, _graph.OriginalOperation.SemanticModel) && !_quietCallees.Contains(name) ? CurrentHandler() : null,
                ResultIsPointer = method is not null && TypeFacts.IsPointerLike(method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType),
            });
            // DangerousAddRef(ref success) either sets success to true or throws (its exception edge keeps the old value).
            var writtenValue = name == "SafeHandle.DangerousAddRef" ? new Value.Constant(1) : Value.Opaque;
            foreach (var place in written) Emit(new AssignInstruction(place, writtenValue, span));

            if (initializer is not null && result is not null) LowerInitializer(initializer, result);
            return result is null ? Value.Opaque : new Value.Read(result);
        }

        private bool IsKnown(string name) => _catalog.Mentions(name);

        /// <summary>The callee of the call an await is lowered to: not a name any catalog or C function has.</summary>
        internal const string AwaitCallee = "<await>";

        /// <summary>Longer awaited expressions are not quoted in messages.</summary>
        private const int MaxQuotedAwaitLength = 40;

        /// <summary>
        /// <c>await t</c> rethrows the exception of a task that failed (GetResult), whether or not the call that made the
        /// task threw: it is a call that may throw, with no arguments and no effect besides its exception edge. What the
        /// awaited expression is built from may end up anywhere, so it is handed off.
        /// </summary>
        private Value LowerAwait(IAwaitOperation awaited)
        {
            HandOff(LowerValue(awaited.Operation), awaited.Syntax);
            Emit(new CallInstruction(null, AwaitCallee, new Value[0], _map.SpanOf(awaited.Syntax))
            {
                OnException = CurrentHandler(),
                ExceptionSource = "awaiting " + AwaitedName(awaited.Operation),
            });
            return Value.Opaque;
        }

        /// <summary>The awaited task as a message names it: the call that made it (<c>Task.Delay()</c>), or the expression.</summary>
        private static string AwaitedName(IOperation operand)
        {
            while (operand is IConversionOperation conversion) operand = conversion.Operand;
            // t.ConfigureAwait(false) awaits t.
            if (operand is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }) return AwaitedName(configured);
            if (operand is IInvocationOperation invocation) return CalleeNames.Of(invocation.TargetMethod) + "()";
            var text = operand.Syntax.ToString();
            return text.Length <= MaxQuotedAwaitLength && text.IndexOf('\n') < 0 ? text : "the task";
        }

        /// <summary>
        /// The name a call goes by: <c>Type.Method</c>, or a P/Invoke's native entry point when the catalog knows that
        /// (the C side's spec files name <c>mylib_open</c>). Attributes on the callee that declare pairs are learned into
        /// this body's catalog the first time it is met.
        /// </summary>
        private string CalleeName(IMethodSymbol method)
        {
            if (_learnedCallees.Add(method.OriginalDefinition)) AttributePairs.Learn(method, _catalog);
            return CalleeNames.Resolve(method, _catalog);
        }

        private bool AcquiresThrough(string name, int argument) =>
            _catalog.FindAcquire(name)?.Location is ResourceLocation.OutArgument o && o.Index == argument;

        /// <summary><c>new T { F = x }</c>: the initializer stores into the new object.</summary>
        private void LowerInitializer(IObjectOrCollectionInitializerOperation initializer, Place created)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
                {
                    var value = LowerValue(assignment.Value);
                    var place = created.Root.Kind == RootKind.Temporary && target.Type is not null && initializer.Type?.IsValueType == true
                        ? created.Field(target.Member.Name)
                        : created.Arrow(target.Member.Name);
                    Emit(new AssignInstruction(place, value, _map.SpanOf(assignment.Syntax)));
                }
                else
                {
                    // Collection initializers call Add: whatever they are given is kept by the collection.
                    HandOff(LowerValue(member), member.Syntax);
                }
            }
        }

        // ---- stores -------------------------------------------------------------------------------------------

        private Value LowerAssignment(ISimpleAssignmentOperation assignment)
        {
            var span = _map.SpanOf(assignment.Syntax);
            if (assignment.Target is IPropertyReferenceOperation { Arguments.Length: > 0 } indexer)
            {
                // this[i] = v is a call to the setter (to the getter of a ref-returning indexer such as Span's).
                var setter = indexer.Property.SetMethod ?? indexer.Property.GetMethod;
                var receiver = indexer.Instance is null ? null : LowerValue(indexer.Instance);
                var arguments = indexer.Arguments.Select(a => LowerValue(a.Value)).ToList();
                var stored = LowerValue(assignment.Value);
                var all = new List<Value>();
                if (receiver is not null) all.Add(receiver);
                all.AddRange(arguments);
                all.Add(stored);
                var setterName = setter is null ? "<indexer>" : CalleeNames.Of(setter);
                Emit(new CallInstruction(null, setterName, all, span) { OnException = ThrowingCalls.MayThrow(setter, setterName, _catalog) ? CurrentHandler() : null });
                return stored;
            }

            if (assignment.IsRef && assignment.Target is ILocalReferenceOperation { Local: var refLocal } && !_captured.Contains(refLocal))
                return LowerRefBinding(refLocal, assignment.Value, span);
            var target = PlaceOf(assignment.Target, forStore: true) ?? Heap;
            if (Unconverted(assignment.Value) is IInvocationOperation call && !target.Equals(Heap))
                return LowerInvocation(call, into: target);
            if (IsFlag(target, assignment) && IsTest(assignment.Value))
            {
                LowerFlag(target, LowerCondition(assignment.Value), span);
                return new Value.Read(target);
            }
            var value = LowerValue(assignment.Value);
            Emit(new AssignInstruction(target, value, span));
            CopyStructFields(target, value, assignment.Value.Type, span);
            return value;
        }

        /// <summary>A plain bool local: a flag that later code may test instead of the handle it was computed from.</summary>
        private static bool IsFlag(Place target, ISimpleAssignmentOperation assignment) =>
            target.Root.Kind == RootKind.Local && target.Path.Count == 0 && assignment.Type?.SpecialType == SpecialType.System_Boolean;

        private static bool IsTest(IOperation value) =>
            Unconverted(value) is IBinaryOperation or IIsNullOperation or IIsPatternOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
                or IPropertyReferenceOperation { Property.Name: "IsAllocated" };

        /// <summary>
        /// <c>bool owned = external == IntPtr.Zero;</c>: a flag set from a handle test is 1 or 0 on the paths where the
        /// test is true or false, so that <c>if (owned) Marshal.FreeHGlobal(p);</c> frees exactly where <c>p</c> was
        /// allocated. Flags from other tests stay unknown (each such flag would double the paths).
        /// </summary>
        private void LowerFlag(Place flag, Condition test, SourceSpan span)
        {
            if (!IsHandleTest(test))
            {
                Emit(new AssignInstruction(flag, Value.Opaque, span));
                return;
            }
            var whenTrue = _function.NewBlock();
            var whenFalse = _function.NewBlock();
            var join = _function.NewBlock();
            _current.Terminator = new BranchTerminator(test, whenTrue, whenFalse, span);
            whenTrue.Instructions.Add(new AssignInstruction(flag, new Value.Constant(1), span));
            whenTrue.Terminator = new GotoTerminator(join, span);
            whenFalse.Instructions.Add(new AssignInstruction(flag, new Value.Constant(0), span));
            whenFalse.Terminator = new GotoTerminator(join, span);
            _current = join;
        }

        private static bool IsHandleTest(Condition test) => test switch
        {
            Condition.Not not => IsHandleTest(not.Inner),
            Condition.IsNull or Condition.IsLive or Condition.IsErr => true,
            _ => false,
        };

        /// <summary><c>x += n</c>, <c>x++</c>: the variable now holds something else.</summary>
        private Value Overwrite(IOperation target, IOperation operation)
        {
            var place = PlaceOf(target, forStore: true);
            if (place is null) return Value.Opaque;
            Emit(new AssignInstruction(place, Value.Opaque, _map.SpanOf(operation.Syntax)));
            return new Value.Read(place);
        }

        /// <summary>
        /// A struct copy copies its fields: the engine keys values by access path, so <c>s = t</c> alone would leave
        /// <c>s.Buffer</c> unknown while <c>t.Buffer</c> still holds the resource. Fields of nested structs count too
        /// (<c>s.Array.Items</c>: interop structs wrap the native struct they marshal).
        /// </summary>
        private void CopyStructFields(Place target, Value value, ITypeSymbol? type, SourceSpan span)
        {
            if (value is not Value.Read source || !TypeFacts.IsUserStruct(type)) return;
            foreach (var path in FieldPaths(type!))
                Emit(new AssignInstruction(Follow(target, path), new Value.Read(Follow(source.Place, path)), span));
        }

        /// <summary>A struct returned by value hands off the resources its fields, and its nested structs' fields, hold.</summary>
        private void HandOffFieldsOfReturnedStruct(IOperation returned, Value value, SourceSpan span)
        {
            if (value is not Value.Read source || !TypeFacts.IsUserStruct(returned.Type)) return;
            foreach (var path in FieldPaths(returned.Type!))
                Emit(new AssignInstruction(Heap, new Value.Read(Follow(source.Place, path)), span));
        }

        /// <summary>
        /// The instance fields of a struct as paths, followed by the fields of each nested user struct;
        /// at most <see cref="MaxCopiedFields"/> paths and <see cref="MaxNestedStructs"/> levels, so a wide or deep
        /// struct costs a bounded number of instructions per copy.
        /// </summary>
        private static List<IReadOnlyList<string>> FieldPaths(ITypeSymbol type)
        {
            var paths = new List<IReadOnlyList<string>>();
            AddFieldPaths(type, new List<string>(), paths);
            return paths;
        }

        private static void AddFieldPaths(ITypeSymbol type, List<string> prefix, List<IReadOnlyList<string>> paths)
        {
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
            {
                if (paths.Count >= MaxCopiedFields) return;
                prefix.Add(field.Name);
                // The nested struct as a whole too: a call's result stored there is one value.
                paths.Add(prefix.ToArray());
                if (prefix.Count < MaxNestedStructs && TypeFacts.IsUserStruct(field.Type)) AddFieldPaths(field.Type, prefix, paths);
                prefix.RemoveAt(prefix.Count - 1);
            }
        }

        private static Place Follow(Place place, IReadOnlyList<string> path)
        {
            foreach (var name in path) place = place.Field(name);
            return place;
        }

        private void HandOff(Value value, SyntaxNode syntax)
        {
            if (value is Value.Read) Emit(new AssignInstruction(Heap, value, _map.SpanOf(syntax)));
        }

        // ---- places -------------------------------------------------------------------------------------------

        /// <summary>The access path an operation names, or null when it names none the IR can express.</summary>
        private Place? PlaceOf(IOperation operation, bool forStore = false)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.OperatorMethod is null:
                    return PlaceOf(conversion.Operand, forStore);
                case ILocalReferenceOperation local:
                    if (_captured.Contains(local.Local)) return Place.Of(NameOf(local.Local), RootKind.Global);
                    return local.Local.IsRef ? RefLocalPlace(local.Local) : Place.Of(NameOf(local.Local));
                case IParameterReferenceOperation parameter:
                    if (_captured.Contains(parameter.Parameter) || !SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _method))
                        return Place.Of(parameter.Parameter.Name, RootKind.Global);
                    var root = Place.Of(parameter.Parameter.Name, RootKind.Parameter);
                    // A ref or out parameter is the caller's variable: this function writes through it.
                    return parameter.Parameter.RefKind == RefKind.None ? root : root.Deref();
                case IInstanceReferenceOperation:
                    return Place.Of("this", RootKind.Parameter);
                case IFlowCaptureReferenceOperation capture:
                    return forStore && _capturedReferences.TryGetValue(capture.Id, out var referenced) ? referenced : CapturePlace(capture.Id, null);
                case IFieldReferenceOperation field:
                    return MemberPlace(field.Field.IsStatic, field.Field.ContainingType, field.Instance, field.Field.Name);
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return MemberPlace(property.Property.IsStatic, property.Property.ContainingType, property.Instance, property.Property.Name);
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices) LowerValue(index);
                    return LowerValue(element.ArrayReference) is Value.Read array ? array.Place.Index() : (forStore ? Heap : null);
                default:
                    if (PointerPlaceOf(operation) is { } dereferenced)
                    {
                        Emit(new UseInstruction(dereferenced.Parent!, UseKind.Dereference, _map.SpanOf(operation.Syntax)));
                        return dereferenced;
                    }
                    return forStore ? Heap : null;
            }
        }

        private Place? MemberPlace(bool isStatic, INamedTypeSymbol? type, IOperation? instance, string member)
        {
            if (isStatic || instance is null) return Place.Of((type?.Name ?? "?") + "." + member, RootKind.Global);
            if (LowerValue(instance) is not Value.Read receiver) return Heap;
            // A class instance is reached through a reference (p->f); a struct is the variable itself (s.f).
            return instance.Type?.IsValueType == true && receiver.Place.Root.Name != "this" ? receiver.Place.Field(member) : receiver.Place.Arrow(member);
        }

        /// <summary>
        /// <c>*p</c>, <c>p[i]</c> and <c>p-&gt;f</c> on unmanaged pointers have no public IOperation interface (they come as
        /// OperationKind.None), so they are recognised by their syntax. Returns the place read or written, whose parent is the pointer.
        /// </summary>
        private Place? PointerPlaceOf(IOperation operation)
        {
            if (operation.Kind != OperationKind.None) return null;
            var pointer = operation.ChildOperations.FirstOrDefault();
            if (pointer is null || pointer.Type?.TypeKind != TypeKind.Pointer) return null;
            switch (operation.Syntax)
            {
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PointerIndirectionExpression):
                case ElementAccessExpressionSyntax:
                    foreach (var index in operation.ChildOperations.Skip(1)) LowerValue(index);
                    return LowerValue(pointer) is Value.Read read ? read.Place.Deref() : null;
                case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.PointerMemberAccessExpression):
                    return LowerValue(pointer) is Value.Read target ? target.Place.Arrow(member.Name.Identifier.ValueText) : null;
            }
            return null;
        }

        /// <summary>Compiler-made locals (the lockTaken flag of <c>lock</c>, ...) have no name: each gets its own.</summary>
        private string NameOf(ILocalSymbol local)
        {
            if (!string.IsNullOrEmpty(local.Name)) return local.Name;
            if (!_unnamedLocals.TryGetValue(local, out var name))
                _unnamedLocals[local] = name = "$local" + (_unnamedLocals.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return name;
        }

        private Place CapturePlace(CaptureId id, IOperation? value)
        {
            if (_captures.TryGetValue(id, out var place)) return place;
            // Named after what it holds, so that messages show the call ("Marshal.AllocHGlobal()") rather than a number.
            var hint = value is IInvocationOperation call ? CalleeNames.Of(call.TargetMethod) + "()" : "$t";
            place = NewTemporary(hint);
            _captures[id] = place;
            return place;
        }

        private Place NewTemporary(string hint) => Place.Of(hint + "#" + (++_temporaries), RootKind.Temporary);

        /// <summary>null, IntPtr.Zero, default, or the constant 0 converted to a pointer type.</summary>
        private static bool IsNullLike(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.OperatorMethod is null) operation = conversion.Operand;
            switch (operation)
            {
                case IFieldReferenceOperation field:
                    return TypeFacts.IsIntPtrZero(field.Field);
                case IDefaultValueOperation defaultValue:
                    return TypeFacts.IsPointerLike(defaultValue.Type);
                case ILiteralOperation literal:
                    return literal.ConstantValue.HasValue && literal.ConstantValue.Value is null;
                default:
                    return false;
            }
        }
    }
}
