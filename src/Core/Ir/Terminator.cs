using System.Collections.Generic;

namespace KLeakLint.Core.Ir
{
    public abstract record Terminator(SourceSpan Span);

    public sealed record GotoTerminator(BasicBlock Target, SourceSpan Span) : Terminator(Span)
    {
        /// <summary>Set for a source-level <c>goto label</c>, so the path can say so.</summary>
        public string? Label { get; init; }
    }

    public sealed record BranchTerminator(Condition Condition, BasicBlock WhenTrue, BasicBlock WhenFalse, SourceSpan Span) : Terminator(Span);

    public sealed record SwitchCase(long? Value, BasicBlock Target);

    /// <summary>A multi-way branch; a case with a null value is <c>default</c>. Without a default, <see cref="Otherwise"/> is taken.</summary>
    public sealed record SwitchTerminator(Value Value, IReadOnlyList<SwitchCase> Cases, BasicBlock Otherwise, SourceSpan Span) : Terminator(Span);

    public sealed record ReturnTerminator(Value? Value, SourceSpan Span) : Terminator(Span);

    /// <summary>
    /// An exception is raised here (<c>throw</c>, <c>throw;</c>) or, with <see cref="RaisesHere"/> false, one raised earlier
    /// propagates on. It goes to <see cref="Handler"/> (a catch, or a finally that passes it on), or leaves the function
    /// when the handler is null. Only the C# frontend makes these.
    /// </summary>
    public sealed record ThrowTerminator(BasicBlock? Handler, SourceSpan Span) : Terminator(Span)
    {
        /// <summary>False for the end of a handler chain, which only carries on an exception raised at a call or throw before it.</summary>
        public bool RaisesHere { get; init; } = true;
    }

    /// <summary>Control never continues: <c>BUG()</c>, <c>panic()</c>, a <c>__noreturn</c> callee.</summary>
    public sealed record UnreachableTerminator(SourceSpan Span) : Terminator(Span);
}
