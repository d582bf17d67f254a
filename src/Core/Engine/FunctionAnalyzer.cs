using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// Explores the paths of one function (depth first, states merged per block when equal, bounded by a step budget)
    /// and applies the transfer functions of <see cref="Transfer"/> along each path.
    /// </summary>
    internal sealed class FunctionAnalyzer
    {
        private readonly FunctionIr _function;
        private readonly AnalysisOptions _options;
        private readonly Transfer _transfer;
        private readonly HashSet<BasicBlock> _joins;
        private readonly Dictionary<BasicBlock, HashSet<StateIdentity>> _seen = new Dictionary<BasicBlock, HashSet<StateIdentity>>();

        public FunctionAnalyzer(FunctionIr function, SpecCatalog catalog, IReadOnlyDictionary<string, FunctionSummary> summaries, AnalysisOptions options,
            UnitFacts? facts = null)
        {
            _function = function;
            _options = options;
            _joins = Joins(function);
            Reporter = new FindingCollector(function.Name, options.MaxPathNotes);
            Summary = new SummaryCollector(function, catalog);
            _transfer = new Transfer(function, catalog, summaries, Reporter, Summary, facts ?? UnitFacts.Empty);
        }

        /// <summary>The entry and every block with more than one incoming edge (exception edges included).</summary>
        private static HashSet<BasicBlock> Joins(FunctionIr function)
        {
            var seen = new HashSet<BasicBlock>();
            var joins = new HashSet<BasicBlock>();
            foreach (var block in function.Blocks)
                foreach (var successor in block.Successors)
                    if (!seen.Add(successor)) joins.Add(successor);
            if (function.Blocks.Count > 0) joins.Add(function.Entry);
            return joins;
        }

        public FindingCollector Reporter { get; }
        public SummaryCollector Summary { get; }
        public IncompleteAnalysis? Incomplete { get; private set; }

        public void Run()
        {
            if (_function.Blocks.Count == 0) return;
            var initial = _transfer.InitialState();
            var work = new Stack<(BasicBlock Block, AbstractState State)>();
            work.Push((_function.Entry, initial));
            int steps = 0;
            while (work.Count > 0)
            {
                var (block, state) = work.Pop();
                if (!Admit(block, state)) continue;

                bool alive = true;
                var thrown = new List<(BasicBlock, AbstractState)>();
                foreach (var instruction in block.Instructions)
                {
                    steps++;
                    // A call that may throw also continues, before any effect of its own, at its handler (C# only).
                    if (instruction is CallInstruction { OnException: { } handler } call && _transfer.ExceptionMatters(handler, state))
                        thrown.Add((handler, _transfer.Thrown(call, state)));
                    if (!_transfer.Execute(instruction, state)) { alive = false; break; }
                }
                // Explored after the normal successors, the earliest call first: a finding names the first call that can throw.
                for (int i = thrown.Count - 1; i >= 0; i--) work.Push(thrown[i]);
                if (steps > _options.StepBudget)
                {
                    Incomplete = new IncompleteAnalysis(_function.Name, _function.Span,
                        "analysis incomplete: step budget of " + _options.StepBudget + " exhausted; findings for this function may be missing");
                    return;
                }
                if (!alive) continue;

                // Push in reverse so that the first successor (the true branch) is explored first: deterministic order.
                var successors = _transfer.Terminate(block, state);
                for (int i = successors.Count - 1; i >= 0; i--) work.Push(successors[i]);
            }
            _transfer.Finish();
        }

        /// <summary>Skips a block already explored with an equal state; widens a block that sees too many.</summary>
        private bool Admit(BasicBlock block, AbstractState state)
        {
            // Paths meet only where edges meet: a block with one way in sees no state its predecessor did not already
            // admit, and every loop passes a join. Remembering states elsewhere was most of the engine's time.
            if (!_joins.Contains(block)) return true;
            if (!_seen.TryGetValue(block, out var seen)) _seen[block] = seen = new HashSet<StateIdentity>();
            if (seen.Count >= _options.MaxStatesPerBlock) return false;
            if (seen.Count >= _options.StatesBeforeWidening) state.ForgetIntegers();
            return seen.Add(new StateIdentity(state));
        }
    }
}
