using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// The callers' side of KL0102's fix, over the whole solution: where each acquire's result goes, and how the code
    /// that uses it is rewritten for the SafeHandle. Where a use has no rewrite that compiles and keeps the handle safe,
    /// the plans it comes from are marked failed, and their fix is not offered.
    /// <para>
    /// The acquire's result may be dropped, passed straight to a P/Invoke (below), or held in a local
    /// (<c>IntPtr h = Native.open(..)</c>, <c>h = Native.open(..);</c>, <c>out IntPtr h</c>, <c>out h</c>) that every
    /// other assignment also fills from the acquire. That local's declared type becomes the handle class (<c>var</c>
    /// stays), and each use:
    /// </para>
    /// <list type="bullet">
    /// <item><c>Native.close(h);</c> becomes <c>h.Dispose();</c>, in place. Not a <c>using</c> declaration: that would move
    /// the release to the end of the scope, past code that may rely on it happening here (a reopen, a second handle to the
    /// same file), and the code already releases where it means to. Dispose runs the same release, once; the runtime's
    /// finalizer covers the paths that forgot it.</item>
    /// <item><c>h == IntPtr.Zero</c> (or 0, null, default; <c>!=</c>) becomes <c>h.IsInvalid</c> (<c>!h.IsInvalid</c>):
    /// the marshaller always returns an object, and a failed acquire is an invalid one.</item>
    /// <item><c>h</c> passed to a P/Invoke's by-value IntPtr parameter: the parameter becomes the handle class, when every
    /// call in the solution passes such a handle there. Not <c>h.DangerousGetHandle()</c>: once the raw value is out, the
    /// local may be dead to the GC, and the finalizer can release the handle while the native call still uses it. Passed
    /// as a SafeHandle, the marshaller AddRefs it for the call and Releases it after.</item>
    /// </list>
    /// <para>
    /// A private field or auto-property of the class that receives the result (<c>_db = Native.open(..)</c>, from a
    /// handle local too) is followed the same way through the whole class: <see cref="FieldFollower"/>.
    /// </para>
    /// <para>
    /// Anything else fails: a static field or another object's, a return, a managed method's argument, arithmetic, the
    /// release's result read, a P/Invoke parameter that also receives raw values.
    /// </para>
    /// </summary>
    internal sealed class CallerAnalysis
    {
        private readonly Solution _solution;
        private readonly IReadOnlyList<HandlePlan> _plans;
        private readonly Dictionary<string, HandlePlan> _byAcquire = new Dictionary<string, HandlePlan>();
        private readonly Dictionary<string, string> _releaseOf = new Dictionary<string, string>();
        private readonly HashSet<string> _releaseEntryPoints = new HashSet<string>();
        private readonly Dictionary<(SyntaxTree, TextSpan), TrackedLocal> _locals = new Dictionary<(SyntaxTree, TextSpan), TrackedLocal>();
        private readonly Dictionary<(SyntaxTree, TextSpan), TrackedField> _fields = new Dictionary<(SyntaxTree, TextSpan), TrackedField>();
        private readonly Dictionary<(string, int), ParameterClaim> _claims = new Dictionary<(string, int), ParameterClaim>();

        private CallerAnalysis(Solution solution, IReadOnlyList<HandlePlan> plans, CancellationToken cancellation)
        {
            _solution = solution;
            _plans = plans;
            Cancellation = cancellation;
            foreach (var plan in plans)
            {
                _byAcquire[InteropFacts.Key(plan.Acquire)] = plan;
                if (!_releaseOf.ContainsKey(plan.QualifiedName)) _releaseOf[plan.QualifiedName] = InteropFacts.Key(plan.Release.Method);
                _releaseEntryPoints.Add(InteropFacts.EntryPoint(plan.Release.Method));
            }
        }

        public CancellationToken Cancellation { get; }

        /// <summary>Plans whose callers cannot follow.</summary>
        public HashSet<HandlePlan> Failed { get; } = new HashSet<HandlePlan>();

        /// <summary>The callers' edits, valid when nothing failed.</summary>
        public List<NodeEdit> Edits { get; } = new List<NodeEdit>();

        /// <summary>Handle classes that appear in a signature seen outside the assembly.</summary>
        public HashSet<string> PublicHandles { get; } = new HashSet<string>();

        public static async Task<CallerAnalysis> RunAsync(Solution solution, IReadOnlyList<HandlePlan> plans, CancellationToken cancellation)
        {
            var analysis = new CallerAnalysis(solution, plans, cancellation);
            analysis.CheckSharedReleases();
            foreach (var plan in plans) await analysis.FollowAcquireAsync(plan).ConfigureAwait(false);
            foreach (var local in analysis._locals.Values.ToList()) analysis.FollowLocal(local);
            // After the locals: a field may take its handle from one, and following a local may find the field.
            foreach (var field in analysis._fields.Values.ToList())
                if (!await FieldFollower.FollowAsync(analysis, field).ConfigureAwait(false))
                    analysis.Failed.UnionWith(field.Sources);
            foreach (var claim in analysis._claims.Values) await analysis.CheckClaimAsync(claim).ConfigureAwait(false);
            analysis.CheckVisibility();
            return analysis;
        }

        /// <summary>One class calls one release: acquires of one name whose families release differently cannot share it.</summary>
        private void CheckSharedReleases()
        {
            foreach (var plan in _plans)
                if (_releaseOf[plan.QualifiedName] != InteropFacts.Key(plan.Release.Method))
                    Failed.Add(plan);
        }

        private async Task FollowAcquireAsync(HandlePlan plan)
        {
            foreach (var (node, model) in await ReferencesAsync(plan.Acquire).ConfigureAwait(false))
            {
                if (node is null || model is null) { Failed.Add(plan); continue; }
                if (IsNameOnly(node, model)) continue;
                if (!(InvocationOf(node, model) is { } call)) { Failed.Add(plan); continue; }
                var followed = plan.IsReturn ? FollowResult(plan, call, model) : FollowOutArgument(plan, call, model);
                if (!followed) Failed.Add(plan);
            }
        }

        private bool FollowResult(HandlePlan plan, IInvocationOperation call, SemanticModel model)
        {
            var value = InteropFacts.Outermost(call);
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    Track(declarator.Symbol, model, plan);
                    return true;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment when assignment.Value == value:
                    Track(target.Local, model, plan);
                    return true;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target, Parent: IExpressionStatementOperation } assignment
                    when assignment.Value == value && HeldMember.IsOwn(target):
                    return TrackField(target.Member, new[] { plan });
                case IFieldInitializerOperation { InitializedFields: { Length: 1 } fields }:
                    return TrackField(fields[0], new[] { plan }, initializer: true);
                case IPropertyInitializerOperation { InitializedProperties: { Length: 1 } properties }:
                    return TrackField(properties[0], new[] { plan }, initializer: true);
                case IExpressionStatementOperation:
                    // Dropped: the SafeHandle's finalizer now releases what used to leak.
                    return true;
                case IArgumentOperation argument:
                    return Claim(argument, plan.QualifiedName, new[] { plan });
                default:
                    return false;
            }
        }

        private bool FollowOutArgument(HandlePlan plan, IInvocationOperation call, SemanticModel model)
        {
            var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == plan.OutParameter);
            if (argument is null) return false;
            if (argument.Syntax is ArgumentSyntax { Expression: DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax } typedDiscard })
            {
                Retype(typedDiscard.Type, plan.QualifiedName);
                return true;
            }
            switch (InteropFacts.Innermost(argument.Value))
            {
                case IDiscardOperation:
                    return true;
                case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local }:
                    Track(local.Local, model, plan);
                    return true;
                case ILocalReferenceOperation local:
                    Track(local.Local, model, plan);
                    return true;
                case IFieldReferenceOperation field when HeldMember.IsOwn(field):
                    return TrackField(field.Field, new[] { plan });
                default:
                    return false;
            }
        }

        private void Track(ILocalSymbol symbol, SemanticModel model, HandlePlan plan)
        {
            if (symbol.Locations.FirstOrDefault() is not { IsInSource: true } location) { Failed.Add(plan); return; }
            var key = (location.SourceTree!, location.SourceSpan);
            if (!_locals.TryGetValue(key, out var local)) _locals[key] = local = new TrackedLocal(symbol, model);
            local.Sources.Add(plan);
        }

        private bool TrackField(ISymbol member, IEnumerable<HandlePlan> sources, bool initializer = false)
        {
            if (member.Locations.FirstOrDefault() is not { IsInSource: true } location) return false;
            var key = (location.SourceTree!, location.SourceSpan);
            if (!_fields.TryGetValue(key, out var field)) _fields[key] = field = new TrackedField(member);
            field.Sources.UnionWith(sources);
            field.InitializedByAcquire |= initializer;
            return true;
        }

        private void FollowLocal(TrackedLocal local)
        {
            if (!(local.QualifiedName is { } handle) || !FollowDeclaration(local, handle) || !References(local).All(id => FollowUse(local, handle, id)))
                Failed.UnionWith(local.Sources);
        }

        private bool FollowDeclaration(TrackedLocal local, string handle)
        {
            switch (local.Symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(Cancellation))
            {
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator
                    when declaration.Variables.Count == 1 && IsPlainDeclaration(declaration):
                    if (declarator.Initializer is { } initializer && !IsAcquireResult(local.Model.GetOperation(initializer.Value, Cancellation), handle)) return false;
                    Retype(declaration.Type, handle);
                    return true;
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax argument } declaration }:
                    // Declared in the acquire's own out argument; a pattern or a deconstruction is not followed.
                    if (!IsAcquireOutArgument(argument, local.Model, handle)) return false;
                    Retype(declaration.Type, handle);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A local declaration statement or a for initializer: not const, not a using (an IntPtr is no IDisposable anyway).</summary>
        private static bool IsPlainDeclaration(VariableDeclarationSyntax declaration) =>
            declaration.Parent is ForStatementSyntax
            || declaration.Parent is LocalDeclarationStatementSyntax statement && !statement.IsConst && !statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword);

        private IEnumerable<IdentifierNameSyntax> References(TrackedLocal local)
        {
            var root = local.Model.SyntaxTree.GetRoot(Cancellation);
            return root.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(id => id.Identifier.ValueText == local.Symbol.Name
                             && SymbolEqualityComparer.Default.Equals(local.Model.GetSymbolInfo(id, Cancellation).Symbol, local.Symbol));
        }

        private bool FollowUse(TrackedLocal local, string handle, IdentifierNameSyntax id)
        {
            if (!(local.Model.GetOperation(id, Cancellation) is { } reference)) return IsNameOnly(id, local.Model);
            var value = InteropFacts.Outermost(reference);
            switch (value.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == value:
                    return assignment.Parent is IExpressionStatementOperation && IsAcquireResult(assignment.Value, handle);
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation field, Parent: IExpressionStatementOperation } assignment
                    when assignment.Value == value && HeldMember.IsOwn(field):
                    // Handed to a field of the object (after checks on the local): the field follows too.
                    return TrackField(field.Member, local.Sources);
                case IArgumentOperation argument:
                    return FollowArgument(local, handle, argument, id);
                case IBinaryOperation comparison:
                    return FollowComparison(comparison, value, id);
                case INameOfOperation:
                    return true;
                default:
                    return false;
            }
        }

        private bool FollowArgument(TrackedLocal local, string handle, IArgumentOperation argument, IdentifierNameSyntax id)
        {
            if (argument.Parameter is null || !(argument.Parent is IInvocationOperation call)) return false;
            if (argument.Parameter.RefKind == RefKind.Out) return argument.Syntax is ArgumentSyntax syntax && IsAcquireOutArgument(syntax, local.Model, handle);
            if (IsRelease(call.TargetMethod, handle))
            {
                // Dispose() returns nothing: a release whose result the code reads has no rewrite.
                if (!(call.Parent is IExpressionStatementOperation)) return false;
                Edits.Add(new NodeEdit(call.Syntax, HandleExpressions.Dispose(id, nullSafe: false).WithTriviaFrom(call.Syntax)));
                return true;
            }
            return Claim(argument, handle, local.Sources);
        }

        private bool FollowComparison(IBinaryOperation comparison, IOperation value, IdentifierNameSyntax id)
        {
            if (comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals) return false;
            if (!InteropFacts.IsZero(comparison.LeftOperand == value ? comparison.RightOperand : comparison.LeftOperand)) return false;
            var isInvalid = HandleExpressions.IsInvalid(id, comparison.OperatorKind == BinaryOperatorKind.NotEquals, nullSafe: false, orClosed: false);
            Edits.Add(new NodeEdit(comparison.Syntax, isInvalid.WithTriviaFrom(comparison.Syntax)));
            return true;
        }

        /// <summary>The release the handle class's ReleaseHandle calls: where the code calls it, the handle's Dispose takes over.</summary>
        public bool IsRelease(IMethodSymbol method, string handle) => _releaseOf.TryGetValue(handle, out var release) && InteropFacts.Key(method) == release;

        /// <summary>
        /// A handle passed to a P/Invoke's raw by-value parameter: recorded, and the parameter changes if every call
        /// passes a handle of the same class there (<see cref="CheckClaimAsync"/>). Never the release, nor another
        /// P/Invoke bound to the release's native function: ReleaseHandle passes it the raw value, and a handle released
        /// through it would be released again by the SafeHandle.
        /// </summary>
        public bool Claim(IArgumentOperation argument, string handle, IEnumerable<HandlePlan> sources)
        {
            if (argument.Parameter is not { RefKind: RefKind.None } parameter || argument.ArgumentKind != ArgumentKind.Explicit) return false;
            if (!(argument.Parent is IInvocationOperation call) || !InteropFacts.IsPlatformInvoke(call.TargetMethod) || !InteropFacts.IsRawHandle(parameter.Type)) return false;
            // A marshalling directive written for an IntPtr (MarshalAs SysInt, ...) is an error on a SafeHandle at run time.
            if (parameter.GetAttributes().Any(a => a.AttributeClass?.Name == "MarshalAsAttribute")) return false;
            if (_releaseEntryPoints.Contains(InteropFacts.EntryPoint(call.TargetMethod))) return false;
            var method = InteropFacts.Key(call.TargetMethod);
            var key = (method, parameter.Ordinal);
            if (!_claims.TryGetValue(key, out var claim)) _claims[key] = claim = new ParameterClaim(call.TargetMethod.OriginalDefinition, parameter.Ordinal, handle);
            if (claim.QualifiedName != handle) claim.Conflicting = true;
            claim.Sources.UnionWith(sources);
            claim.Arguments.Add((argument.Syntax.SyntaxTree, argument.Syntax.Span));
            return true;
        }

        private async Task CheckClaimAsync(ParameterClaim claim)
        {
            if (!claim.Conflicting && Declaration(claim) is { } parameter && await EveryCallPassesAHandleAsync(claim).ConfigureAwait(false))
            {
                Retype(parameter.Type!, claim.QualifiedName);
                if (InteropFacts.IsExternallyVisible(claim.Method)) PublicHandles.Add(claim.QualifiedName);
                return;
            }
            Failed.UnionWith(claim.Sources);
        }

        /// <summary>
        /// The parameter in source, in the project of the handle class and able to see it. The class is a sibling of the
        /// acquire's class and at least internal, so only a class nested in another type limits who sees it: then the
        /// P/Invoke must be inside that type too.
        /// </summary>
        private ParameterSyntax? Declaration(ParameterClaim claim)
        {
            if (InteropFacts.ImplementedInSource(claim.Method, _solution)) return null;
            var owner = claim.Sources.First(p => p.QualifiedName == claim.QualifiedName);
            var method = claim.Method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(Cancellation)).OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(m => m.ParameterList.Parameters.Count > claim.Ordinal && m.ParameterList.Parameters[claim.Ordinal].Type is not null);
            if (method is null || _solution.GetDocument(method.SyntaxTree)?.Project.Id != owner.Document.ProjectId) return null;
            if (owner.Acquire.ContainingType.ContainingType is { } outer && !Containers(claim.Method).Contains(outer.ToDisplayString())) return null;
            return method.ParameterList.Parameters[claim.Ordinal];
        }

        private static IEnumerable<string> Containers(ISymbol symbol)
        {
            for (var type = symbol.ContainingType; type is not null; type = type.ContainingType) yield return type.ToDisplayString();
        }

        private async Task<bool> EveryCallPassesAHandleAsync(ParameterClaim claim)
        {
            foreach (var (node, model) in await ReferencesAsync(claim.Method).ConfigureAwait(false))
            {
                if (node is null || model is null) return false;
                if (IsNameOnly(node, model)) continue;
                var argument = InvocationOf(node, model)?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == claim.Ordinal);
                if (argument is null || !claim.Arguments.Contains((argument.Syntax.SyntaxTree, argument.Syntax.Span))) return false;
            }
            return true;
        }

        /// <summary>A handle class in a public signature must be public: a generated one is made so, an existing internal one fails.</summary>
        private void CheckVisibility()
        {
            foreach (var plan in _plans.Where(p => InteropFacts.IsExternallyVisible(p.Acquire))) PublicHandles.Add(plan.QualifiedName);
            foreach (var plan in _plans.Where(p => p.Existing is { DeclaredAccessibility: not Accessibility.Public } && PublicHandles.Contains(p.QualifiedName)))
                Failed.Add(plan);
        }

        /// <summary>An acquire's result, or a local that holds one (and takes the handle class).</summary>
        public bool HoldsHandle(IOperation value, string handle) =>
            IsAcquireResult(value, handle)
            || InteropFacts.Innermost(value) is ILocalReferenceOperation reference && reference.Local.Locations.FirstOrDefault() is { IsInSource: true } location
            && _locals.TryGetValue((location.SourceTree!, location.SourceSpan), out var local) && local.QualifiedName == handle;

        private bool IsAcquireResult(IOperation? value, string handle) =>
            value is not null && InteropFacts.Innermost(value) is IInvocationOperation call
            && PlanOf(call.TargetMethod) is { IsReturn: true } plan && plan.QualifiedName == handle;

        public bool IsAcquireOutArgument(ArgumentSyntax argument, SemanticModel model, string handle) =>
            argument.Parent?.Parent is InvocationExpressionSyntax invocation
            && model.GetOperation(invocation, Cancellation) is IInvocationOperation call
            && PlanOf(call.TargetMethod) is { IsReturn: false } plan && plan.QualifiedName == handle
            && call.Arguments.Any(a => a.Parameter?.Ordinal == plan.OutParameter && a.Syntax == argument);

        private HandlePlan? PlanOf(IMethodSymbol method) => _byAcquire.TryGetValue(InteropFacts.Key(method), out var plan) ? plan : null;

        /// <summary>The handle class in place of <paramref name="type"/> (<c>XHandle?</c> when <paramref name="nullable"/>); <c>var</c> stays.</summary>
        public void Retype(TypeSyntax type, string handle, bool nullable = false)
        {
            if (type.IsVar) return;
            var name = SyntaxFactory.ParseTypeName(handle + (nullable ? "?" : ""));
            Edits.Add(new NodeEdit(type, name.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation).WithTriviaFrom(type)));
        }

        public async Task<SemanticModel?> ModelOfAsync(SyntaxTree tree) =>
            _solution.GetDocument(tree) is { } document ? await document.GetSemanticModelAsync(Cancellation).ConfigureAwait(false) : null;

        /// <summary>Every place the symbol is named, as a node and its file's model (null for a place this fix cannot read).</summary>
        public async Task<List<(SyntaxNode? Node, SemanticModel? Model)>> ReferencesAsync(ISymbol symbol)
        {
            var found = new List<(SyntaxNode?, SemanticModel?)>();
            var seen = new HashSet<(SyntaxTree?, TextSpan)>();
            foreach (var location in (await SymbolFinder.FindReferencesAsync(symbol, _solution, Cancellation).ConfigureAwait(false)).SelectMany(r => r.Locations))
            {
                // A property's references come again under its accessors.
                if (!seen.Add((location.Location.SourceTree, location.Location.SourceSpan))) continue;
                // Generated code cannot be edited: a call there would keep passing an IntPtr.
                if (location.IsCandidateLocation || location.IsImplicit || !location.Location.IsInSource || location.Document is SourceGeneratedDocument)
                {
                    found.Add((null, null));
                    continue;
                }
                var model = await location.Document.GetSemanticModelAsync(Cancellation).ConfigureAwait(false);
                var root = await location.Document.GetSyntaxRootAsync(Cancellation).ConfigureAwait(false);
                found.Add((root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true), model));
            }
            return found;
        }

        /// <summary>In a doc comment's cref or in nameof(): a name, not a call.</summary>
        public bool IsNameOnly(SyntaxNode node, SemanticModel model) =>
            node.FirstAncestorOrSelf<CrefSyntax>() is not null
            || node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => model.GetOperation(i, Cancellation) is INameOfOperation);

        /// <summary>The call that <paramref name="name"/> (<c>open</c> or <c>Native.open</c>'s name) is the target of.</summary>
        private IInvocationOperation? InvocationOf(SyntaxNode name, SemanticModel model)
        {
            var target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return target.Parent is InvocationExpressionSyntax invocation && invocation.Expression == target
                ? model.GetOperation(invocation, Cancellation) as IInvocationOperation
                : null;
        }
    }
}
