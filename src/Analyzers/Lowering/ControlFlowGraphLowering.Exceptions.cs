using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using IrBlock = KLeakLint.Core.Ir.BasicBlock;
using RoslynBlock = Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Exception edges (KL0101). Roslyn's graph has none: a block inside a <c>try</c> region may continue at any of its
    /// handlers, which the graph leaves implicit. Here a call that may throw, and every <c>throw</c>, gets an explicit
    /// target: the handler chain of the innermost enclosing <c>try</c> — each typed catch may or may not match, a
    /// catch-all always does, a filter decides at run time, a finally runs and passes the exception on — and, past the
    /// outermost handler, a block that leaves the method with the exception.
    /// </summary>
    internal sealed partial class ControlFlowGraphLowering
    {
        private readonly Dictionary<string, IrBlock> _handlers = new Dictionary<string, IrBlock>(System.StringComparer.Ordinal);
        private IrBlock? _exceptionExit;

        /// <summary>The Roslyn block being lowered and the finally frame it is lowered in (where its exceptions go).</summary>
        private RoslynBlock _block = null!;
        private FinallyFrame? _frame;

        /// <summary>Where an exception raised in the block being lowered goes.</summary>
        private IrBlock CurrentHandler() => HandlerFor(_block.EnclosingRegion, _frame);

        /// <summary>The first handler that an exception raised inside <paramref name="region"/> meets.</summary>
        private IrBlock HandlerFor(ControlFlowRegion? region, FinallyFrame? frame)
        {
            // Exceptions raised inside a catch, filter or finally skip that statement's own handlers: walking out,
            // only a try region (the protected part of a statement) hands over to its handlers.
            for (var r = region; r is not null; r = r.EnclosingRegion)
            {
                if (r.Kind != ControlFlowRegionKind.Try || r.EnclosingRegion is not { } statement) continue;
                if (statement.Kind == ControlFlowRegionKind.TryAndCatch) return HandlersFrom(statement, 1, frame);
                if (statement.Kind == ControlFlowRegionKind.TryAndFinally) return FinallyThenOutward(statement, frame);
            }
            return _exceptionExit ??= ExceptionExit();
        }

        /// <summary>The handlers of a try/catch from the <paramref name="index"/>-th nested region on, then the code around it.</summary>
        private IrBlock HandlersFrom(ControlFlowRegion statement, int index, FinallyFrame? frame)
        {
            frame = FramesEnclosing(frame, statement.FirstBlockOrdinal);
            var key = "catch" + statement.FirstBlockOrdinal + "-" + statement.LastBlockOrdinal + ":" + index + "@" + (frame?.Key ?? "");
            if (_handlers.TryGetValue(key, out var existing)) return existing;
            IrBlock target;
            if (index >= statement.NestedRegions.Length)
            {
                target = HandlerFor(statement.EnclosingRegion, frame);
            }
            else
            {
                var handler = statement.NestedRegions[index];
                var entry = BlockFor(_graph.Blocks[handler.FirstBlockOrdinal], frame);
                // A filter region decides itself: its false branch goes on to the next handler (TargetOf).
                if (handler.Kind == ControlFlowRegionKind.FilterAndHandler || CatchesEverything(handler))
                {
                    target = entry;
                }
                else
                {
                    target = _function.NewBlock();
                    // Never a fact the engine keeps: the text has a '(' (two throws need not be caught alike).
                    var test = new Condition.Unknown("catch (" + handler.ExceptionType?.Name + ") matches");
                    var at = _graph.Blocks[handler.FirstBlockOrdinal].Operations.FirstOrDefault()?.Syntax ?? _graph.OriginalOperation.Syntax;
                    target.Terminator = new BranchTerminator(test, entry, HandlersFrom(statement, index + 1, frame), _map.SpanOf(at));
                }
            }
            _handlers[key] = target;
            return target;
        }

        /// <summary><c>catch</c>, <c>catch (Exception)</c>, <c>catch (object)</c> without a filter: nothing gets past it.</summary>
        private static bool CatchesEverything(ControlFlowRegion handler) =>
            handler.Kind == ControlFlowRegionKind.Catch
            && (handler.ExceptionType is null || handler.ExceptionType.SpecialType == SpecialType.System_Object
                || handler.ExceptionType.Name == "Exception" && handler.ExceptionType.ContainingNamespace?.ToDisplayString() == "System");

        /// <summary>A copy of the finally region that passes the exception on to the handlers around the statement.</summary>
        private IrBlock FinallyThenOutward(ControlFlowRegion statement, FinallyFrame? frame)
        {
            frame = FramesEnclosing(frame, statement.FirstBlockOrdinal);
            var key = "finally" + statement.FirstBlockOrdinal + "-" + statement.LastBlockOrdinal + "@" + (frame?.Key ?? "");
            if (_handlers.TryGetValue(key, out var existing)) return existing;
            var finallyRegion = statement.NestedRegions[statement.NestedRegions.Length - 1];
            var outward = HandlerFor(statement.EnclosingRegion, frame);
            var target = BlockFor(_graph.Blocks[finallyRegion.FirstBlockOrdinal], new FinallyFrame(finallyRegion, outward, FramesEnclosing(frame, finallyRegion.FirstBlockOrdinal)));
            _handlers[key] = target;
            return target;
        }

        /// <summary>The exception leaves the method: the engine checks what is still held here.</summary>
        private IrBlock ExceptionExit()
        {
            var block = _function.NewBlock();
            block.Terminator = new ThrowTerminator(null, _exits.EndOfBody()) { RaisesHere = false };
            return block;
        }

        /// <summary>A filter rejected the exception: the next handler of the same statement gets it.</summary>
        private IrBlock? HandlerAfterFilter(RoslynBlock filterBlock, FinallyFrame? frame)
        {
            var filter = filterBlock.EnclosingRegion;
            if (filter.Kind != ControlFlowRegionKind.Filter || filter.EnclosingRegion is not { Kind: ControlFlowRegionKind.FilterAndHandler } pair
                || pair.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } statement)
                return null;
            return HandlersFrom(statement, statement.NestedRegions.IndexOf(pair) + 1, frame);
        }

        /// <summary><c>throw e;</c> and <c>throw;</c>: the exception goes to the handlers around the block.</summary>
        private void LowerThrow(RoslynBlock block, FinallyFrame? frame)
        {
            SourceSpan span;
            if (block.BranchValue is { } thrown)
            {
                LowerValue(thrown);
                span = _map.SpanOf(thrown.Syntax.Parent ?? thrown.Syntax);
            }
            else
            {
                span = _exits.Rethrow(block);
            }
            _current.Terminator = new ThrowTerminator(HandlerFor(block.EnclosingRegion, frame), span);
        }
    }
}
