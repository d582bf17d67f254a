using System.Linq;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using RoslynBlock = Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Finds the syntax a leak at an exit should point at. A value return has its expression; a <c>return;</c> leaves no
    /// operation in the control flow graph, so it is found from the code around the branch, and falling off the end
    /// points at the closing brace.
    /// </summary>
    internal sealed class ExitLocator
    {
        private readonly SyntaxNode _body;
        private readonly SourceMap _map;

        public ExitLocator(SyntaxNode body, SourceMap map)
        {
            _body = body;
            _map = map;
        }

        public SourceSpan EndOfBody() => _body switch
        {
            BlockSyntax block => _map.SpanOf(block.CloseBraceToken),
            BaseMethodDeclarationSyntax { Body: { } block } => _map.SpanOf(block.CloseBraceToken),
            AccessorDeclarationSyntax { Body: { } block } => _map.SpanOf(block.CloseBraceToken),
            LocalFunctionStatementSyntax { Body: { } block } => _map.SpanOf(block.CloseBraceToken),
            AnonymousFunctionExpressionSyntax { Block: { } block } => _map.SpanOf(block.CloseBraceToken),
            AnonymousFunctionExpressionSyntax { ExpressionBody: { } expression } => _map.SpanOf(expression),
            _ => _map.SpanOf(_body),
        };

        /// <summary><c>return x;</c> points at the return statement; an expression body at its expression.</summary>
        public SourceSpan ValueReturn(IOperation value)
        {
            for (var node = value.Syntax; node is not null && node != _body; node = node.Parent)
            {
                if (node is ReturnStatementSyntax || node is ArrowExpressionClauseSyntax) return _map.SpanOf(node);
                if (node is StatementSyntax || node is AnonymousFunctionExpressionSyntax) break;
            }
            return _map.SpanOf(value.Syntax);
        }

        /// <summary>The <c>return;</c> a branch to the exit comes from, or the end of the body when control falls off it.</summary>
        public SourceSpan VoidReturnFrom(RoslynBlock source, ControlFlowBranch branch)
        {
            var statement = (source.ConditionalSuccessor is not null ? ReturnAsBranchOf(source, branch) : null)
                ?? ReturnAfterLastOperation(source) ?? ReturnFromEmptyBlock(source) ?? ReturnEndingTheBody();
            return statement is null ? EndOfBody() : _map.SpanOf(statement);
        }

        /// <summary>
        /// Where a branch leaves the scope of <paramref name="local"/>: the <c>continue</c>, <c>break</c> or <c>goto</c> it
        /// comes from, or the closing brace of the block that declares the local when control runs off its end.
        /// </summary>
        public SourceSpan ScopeExit(RoslynBlock source, ControlFlowBranch branch, ILocalSymbol local)
        {
            if (JumpFrom(source, branch) is { } jump) return jump;
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            var scope = declaration switch
            {
                ForEachStatementSyntax loop => loop.Statement as BlockSyntax,
                CatchDeclarationSyntax catchDeclaration => (catchDeclaration.Parent as CatchClauseSyntax)?.Block,
                _ => declaration?.FirstAncestorOrSelf<BlockSyntax>(),
            };
            return scope is not null && _body.Span.Contains(scope.Span) ? _map.SpanOf(scope.CloseBraceToken) : EndOfBody();
        }

        /// <summary>The <c>continue</c>, <c>break</c> or <c>goto</c> a branch comes from, if a jump statement makes it.</summary>
        public SourceSpan? JumpFrom(RoslynBlock source, ControlFlowBranch branch)
        {
            var after = StatementAfterLastOperation(source);
            var jump = (source.ConditionalSuccessor is not null ? JumpAsBranchOf(source, branch) : null)
                ?? (IsJump(after) ? after : null) ?? JumpFromEmptyBlock(source);
            return jump is null ? null : _map.SpanOf(jump);
        }

        /// <summary>The statements that leave a block early, besides return and throw.</summary>
        private static bool IsJump(SyntaxNode? node) => node is ContinueStatementSyntax or BreakStatementSyntax or GotoStatementSyntax;

        private static StatementSyntax? JumpAsBranchOf(RoslynBlock from, ControlFlowBranch branch) =>
            TakenStatement(from, branch) is { } taken && IsJump(taken) ? taken : null;

        private static StatementSyntax? JumpFromEmptyBlock(RoslynBlock block)
        {
            if (block.Operations.Length != 0) return null;
            foreach (var incoming in block.Predecessors)
                if (JumpAsBranchOf(incoming.Source, incoming) is { } statement) return statement;
            return null;
        }

        /// <summary>
        /// The <c>throw;</c> a rethrow branch comes from: the statement after the block's last operation, or the first
        /// rethrow of the catch clause the block is in.
        /// </summary>
        public SourceSpan Rethrow(RoslynBlock block)
        {
            if (StatementAfterLastOperation(block) is ThrowStatementSyntax { Expression: null } after) return _map.SpanOf(after);
            var clause = block.Operations.FirstOrDefault()?.Syntax.FirstAncestorOrSelf<CatchClauseSyntax>();
            var rethrow = clause?.Block.DescendantNodes().OfType<ThrowStatementSyntax>().FirstOrDefault(t => t.Expression is null);
            return rethrow is null ? EndOfBody() : _map.SpanOf(rethrow);
        }

        /// <summary><c>Log(); return;</c>: the statement after the block's last operation.</summary>
        private static ReturnStatementSyntax? ReturnAfterLastOperation(RoslynBlock block) =>
            StatementAfterLastOperation(block) is ReturnStatementSyntax { Expression: null } r ? r : null;

        private static StatementSyntax? StatementAfterLastOperation(RoslynBlock block)
        {
            if (block.Operations.Length == 0) return null;
            var statement = block.Operations[block.Operations.Length - 1].Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not BlockSyntax parent) return null;
            var index = parent.Statements.IndexOf(statement);
            return index >= 0 && index + 1 < parent.Statements.Count ? parent.Statements[index + 1] : null;
        }

        /// <summary>An empty block on the way to the exit: the return is a branch of the condition before it.</summary>
        private static ReturnStatementSyntax? ReturnFromEmptyBlock(RoslynBlock block)
        {
            if (block.Operations.Length != 0) return null;
            foreach (var incoming in block.Predecessors)
                if (ReturnAsBranchOf(incoming.Source, incoming) is { } statement) return statement;
            return null;
        }

        /// <summary><c>if (rc != 0) return;</c>: the branch of the if statement that <paramref name="branch"/> takes is a bare return.</summary>
        private static ReturnStatementSyntax? ReturnAsBranchOf(RoslynBlock from, ControlFlowBranch branch) =>
            TakenStatement(from, branch) is ReturnStatementSyntax { Expression: null } r ? r : null;

        /// <summary>The first statement of the branch of the if statement that <paramref name="branch"/> takes.</summary>
        private static StatementSyntax? TakenStatement(RoslynBlock from, ControlFlowBranch branch)
        {
            if (from.BranchValue is null || from.ConditionalSuccessor is null) return null;
            var whenTrue = branch.IsConditionalSuccessor == (from.ConditionKind == ControlFlowConditionKind.WhenTrue);
            var ifStatement = from.BranchValue.Syntax.FirstAncestorOrSelf<IfStatementSyntax>();
            if (ifStatement is null || !ifStatement.Condition.Span.Contains(from.BranchValue.Syntax.Span)) return null;
            return FirstStatement(whenTrue ? ifStatement.Statement : ifStatement.Else?.Statement);
        }

        private ReturnStatementSyntax? ReturnEndingTheBody()
        {
            var block = _body as BlockSyntax ?? _body.ChildNodes().OfType<BlockSyntax>().FirstOrDefault();
            return block is not null && block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax { Expression: null } r ? r : null;
        }

        private static StatementSyntax? FirstStatement(StatementSyntax? statement) =>
            statement is BlockSyntax block ? block.Statements.FirstOrDefault() : statement;
    }
}
