using System.Collections.Generic;

namespace KLeakLint.Cli.Suppressions
{
    /// <summary>
    /// A valid <c>/* kleaklint: ignore KL0001 -- reason */</c> comment: the rules it silences on
    /// <see cref="TargetLine"/> and the reason given for it. Line and column are the comment's own.
    /// </summary>
    internal sealed record SuppressionComment(
        string File,
        int Line,
        int Column,
        int TargetLine,
        IReadOnlyList<string> RuleIds,
        string Justification);

    /// <summary>A kleaklint comment that suppresses nothing because it is malformed (no rule, no reason, unknown rule).</summary>
    internal sealed record SuppressionProblem(string File, int Line, int Column, string Message);
}
