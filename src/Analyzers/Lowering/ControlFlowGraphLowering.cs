using System;
using System.Collections.Generic;
using System.Threading;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using IrBlock = KLeakLint.Core.Ir.BasicBlock;
using RoslynBlock = Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Lowers one Roslyn <see cref="ControlFlowGraph"/> (a method body, a lambda or a local function) to the Core IR.
    /// <para>
    /// Roslyn leaves finally regions out of the explicit edges: a branch that leaves a try lists the finally regions
    /// that run on the way (<see cref="ControlFlowBranch.FinallyRegions"/>) and the last block of a finally ends with a
    /// "structured exception handling" branch to nowhere. The IR has no such implicit edges, so each finally region is
    /// copied once per place control continues to after it, and the copy ends with a goto there.
    /// </para>
    /// <para>
    /// Exceptions get explicit edges (ControlFlowGraphLowering.Exceptions.cs): a call that may throw continues at its
    /// handler too, and handlers are lowered like any other block.
    /// </para>
    /// </summary>
    internal sealed partial class ControlFlowGraphLowering
    {
        private readonly ControlFlowGraph _graph;
        private readonly IMethodSymbol _method;
        private readonly SourceMap _map;
        private readonly SpecCatalog _catalog;
        private readonly CapturedVariables _captured;
        private readonly ExitLocator _exits;
        private readonly CancellationToken _cancellation;
        private readonly FunctionIr _function;
        private readonly Dictionary<string, IrBlock> _lowered = new Dictionary<string, IrBlock>(StringComparer.Ordinal);
        private readonly Queue<(RoslynBlock Block, FinallyFrame? Frame, IrBlock Target)> _pending = new Queue<(RoslynBlock, FinallyFrame?, IrBlock)>();

        /// <summary>The IR block instructions are appended to while a Roslyn block is lowered.</summary>
        private IrBlock _current = null!;

        /// <summary>Callees known to throw nothing (wrappers whose lowering has no exception edge).</summary>
        private readonly IReadOnlyCollection<string> _quietCallees;

        /// <summary>An instance method summarized for callers, which pass the receiver as argument 0: <c>this</c> is parameter 0.</summary>
        private readonly bool _receiverIsParameter;

        public ControlFlowGraphLowering(ControlFlowGraph graph, string name, IMethodSymbol method, SyntaxNode body, SourceMap map,
            SpecCatalog catalog, CapturedVariables captured, CancellationToken cancellation, IReadOnlyCollection<string>? quietCallees = null,
            bool receiverIsParameter = false)
        {
            _quietCallees = quietCallees ?? Array.Empty<string>();
            _receiverIsParameter = receiverIsParameter;
            _graph = graph;
            _method = method;
            _map = map;
            _catalog = catalog;
            _captured = captured;
            _cancellation = cancellation;
            _exits = new ExitLocator(body, map);
            _function = new FunctionIr(name, map.SpanOf(body))
            {
                ReturnsVoid = method.ReturnsVoid,
                ReturnsPointer = TypeFacts.IsPointerLike(method.ReturnType) && method.ReturnType.SpecialType != SpecialType.System_String,
                ReturnsErrorCodes = false,
                PartialReleaseMayKeep = true,
            };
        }

        /// <summary>Blocks are made the first time something branches to them (only what the entry reaches).</summary>
        public FunctionIr Lower()
        {
            if (_receiverIsParameter) _function.Parameters.Add("this");
            foreach (var parameter in _method.Parameters) _function.Parameters.Add(parameter.Name);
            BlockFor(_graph.Blocks[0], null);
            while (_pending.Count > 0)
            {
                _cancellation.ThrowIfCancellationRequested();
                var (block, frame, target) = _pending.Dequeue();
                LowerBlock(block, frame, target);
            }
            return _function;
        }

        /// <summary>A finally region being run on the way to <see cref="Continuation"/>; frames nest like the regions.</summary>
        private sealed class FinallyFrame
        {
            public FinallyFrame(ControlFlowRegion region, IrBlock continuation, FinallyFrame? outer)
            {
                Region = region;
                Continuation = continuation;
                Outer = outer;
                Key = region.FirstBlockOrdinal + ">" + continuation.Id + (outer is null ? "" : "/" + outer.Key);
            }

            public ControlFlowRegion Region { get; }
            public IrBlock Continuation { get; }
            public FinallyFrame? Outer { get; }
            public string Key { get; }

            public bool Contains(int ordinal) => Region.FirstBlockOrdinal <= ordinal && ordinal <= Region.LastBlockOrdinal;
        }

        /// <summary>The frames that still enclose a block: C# forbids jumping out of a finally, so they are a prefix of the stack.</summary>
        private static FinallyFrame? FramesEnclosing(FinallyFrame? frame, int ordinal)
        {
            while (frame is not null && !frame.Contains(ordinal)) frame = frame.Outer;
            return frame;
        }

        private IrBlock BlockFor(RoslynBlock block, FinallyFrame? frame)
        {
            frame = FramesEnclosing(frame, block.Ordinal);
            var key = block.Ordinal + "@" + (frame?.Key ?? "");
            if (_lowered.TryGetValue(key, out var existing)) return existing;
            var target = _function.NewBlock();
            _lowered[key] = target;
            _pending.Enqueue((block, frame, target));
            return target;
        }

        private void LowerBlock(RoslynBlock block, FinallyFrame? frame, IrBlock target)
        {
            _current = target;
            _block = block;
            _frame = frame;
            foreach (var operation in block.Operations)
            {
                _cancellation.ThrowIfCancellationRequested();
                LowerStatement(operation);
            }

            if (block.Kind == BasicBlockKind.Exit)
            {
                _current.Terminator = new ReturnTerminator(null, _exits.EndOfBody());
                return;
            }

            var fallThrough = block.FallThroughSuccessor;
            if (block.ConditionalSuccessor is { } conditional && block.BranchValue is { } conditionValue)
            {
                var condition = LowerCondition(conditionValue);
                var span = _map.SpanOf(conditionValue.Syntax);
                var from = _current;
                var taken = TargetOf(block, conditional, frame);
                var notTaken = fallThrough is null ? Dead() : TargetOf(block, fallThrough, frame);
                from.Terminator = block.ConditionKind == ControlFlowConditionKind.WhenTrue
                    ? new BranchTerminator(condition, taken, notTaken, span)
                    : new BranchTerminator(condition, notTaken, taken, span);
                return;
            }

            if (fallThrough is null)
            {
                _current.Terminator = new UnreachableTerminator(_function.Span);
                return;
            }

            switch (fallThrough.Semantics)
            {
                case ControlFlowBranchSemantics.Return:
                    LowerReturn(block, fallThrough, frame);
                    break;
                case ControlFlowBranchSemantics.StructuredExceptionHandling:
                    // The end of a finally: carry on where the frame says (catches end with a regular branch, filters with a condition).
                    var owner = FramesEnclosing(frame, block.Ordinal);
                    _current.Terminator = owner is null
                        ? new UnreachableTerminator(_function.Span)
                        : new GotoTerminator(owner.Continuation, _function.Span);
                    break;
                case ControlFlowBranchSemantics.Throw:
                case ControlFlowBranchSemantics.Rethrow:
                    LowerThrow(block, frame);
                    break;
                case ControlFlowBranchSemantics.Regular:
                    if (block.BranchValue is { } value) LowerValue(value);
                    var source = _current;
                    source.Terminator = new GotoTerminator(TargetOf(block, fallThrough, frame), _function.Span);
                    break;
                case ControlFlowBranchSemantics.Error:
                    throw new LoweringException("the control flow graph has an error branch (code with compile errors)");
                default:
                    _current.Terminator = new UnreachableTerminator(_function.Span);
                    break;
            }
        }

        /// <summary>
        /// The IR block a branch continues at: through copies of the finally regions it leaves (innermost first), then
        /// its destination. A branch to the exit block of a method is a return.
        /// </summary>
        private IrBlock TargetOf(RoslynBlock source, ControlFlowBranch branch, FinallyFrame? frame)
        {
            IrBlock target;
            if (branch.Destination is null) target = HandlerAfterFilter(source, frame) ?? Dead();
            else if (branch.Destination.Kind == BasicBlockKind.Exit)
                // `break;` out of a loop that ends the method still ends the loop body's locals first, at the break.
                target = ThroughScopeEnd(source, branch, ReturnBlock(null, _exits.VoidReturnFrom(source, branch)), jumpsOnly: true);
            else target = ThroughScopeEnd(source, branch, BlockFor(branch.Destination, frame));
            return ThroughFinallyRegions(branch, frame, target);
        }

        /// <summary>
        /// A branch that leaves the blocks declaring locals (<c>continue</c>, <c>break</c>, the end of a loop body) ends
        /// their scope on the way, after the finally regions it runs: a resource only they hold is lost there.
        /// </summary>
        /// <param name="jumpsOnly">Only when a <c>break</c>, <c>continue</c> or <c>goto</c> makes the branch.</param>
        private IrBlock ThroughScopeEnd(RoslynBlock source, ControlFlowBranch branch, IrBlock target, bool jumpsOnly = false)
        {
            if (branch.Semantics != ControlFlowBranchSemantics.Regular || branch.LeavingRegions.Length == 0) return target;
            var places = new List<Place>();
            ILocalSymbol? innermost = null;
            foreach (var region in branch.LeavingRegions)
                foreach (var local in region.Locals)
                {
                    // A captured local lives on in its closure; a ref local is another variable's name.
                    if (_captured.Contains(local) || local.IsRef) continue;
                    innermost ??= local;
                    places.Add(Place.Of(NameOf(local)));
                }
            if (innermost is null) return target;
            var span = jumpsOnly ? _exits.JumpFrom(source, branch) : _exits.ScopeExit(source, branch, innermost);
            if (span is not { } at) return target;
            var block = _function.NewBlock();
            block.Instructions.Add(new ScopeEndInstruction(places, at));
            block.Terminator = new GotoTerminator(target, at);
            return block;
        }

        private IrBlock ThroughFinallyRegions(ControlFlowBranch branch, FinallyFrame? frame, IrBlock target)
        {
            var regions = branch.FinallyRegions;
            for (int i = regions.Length - 1; i >= 0; i--)
            {
                var region = regions[i];
                var entry = _graph.Blocks[region.FirstBlockOrdinal];
                target = BlockFor(entry, new FinallyFrame(region, target, FramesEnclosing(frame, region.FirstBlockOrdinal)));
            }
            return target;
        }

        private void LowerReturn(RoslynBlock block, ControlFlowBranch branch, FinallyFrame? frame)
        {
            Value? value = null;
            var span = _exits.VoidReturnFrom(block, branch);
            if (block.BranchValue is { } returned)
            {
                span = _exits.ValueReturn(returned);
                value = LowerValue(returned);
                HandOffFieldsOfReturnedStruct(returned, value, span);
                // The value is computed before finally blocks run (which may reset the variable): keep it in a temporary.
                if (branch.FinallyRegions.Length > 0 && value is Value.Read)
                {
                    var temporary = NewTemporary("$return");
                    Emit(new AssignInstruction(temporary, value, span));
                    value = new Value.Read(temporary);
                }
            }
            var source = _current;
            source.Terminator = new GotoTerminator(ThroughFinallyRegions(branch, frame, ReturnBlock(value, span)), span);
        }

        private IrBlock ReturnBlock(Value? value, SourceSpan span)
        {
            var block = _function.NewBlock();
            block.Terminator = new ReturnTerminator(value, span);
            return block;
        }

        /// <summary>A block nothing reaches (the rest of a block after a call that never returns).</summary>
        private IrBlock Dead()
        {
            var block = _function.NewBlock();
            block.Terminator = new UnreachableTerminator(_function.Span);
            return block;
        }

        private void Emit(Instruction instruction) => _current.Instructions.Add(instruction);
    }

    /// <summary>The body cannot be lowered faithfully (compile errors): it is skipped rather than analyzed wrongly.</summary>
    internal sealed class LoweringException : Exception
    {
        public LoweringException(string message) : base(message) { }
    }
}
