using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    internal sealed partial class Transfer
    {
        /// <summary>
        /// KL0005 for a release of the wrong family (<c>Marshal.FreeHGlobal</c> on <c>AllocCoTaskMem</c> memory): both
        /// families are strict, so neither frees the other's. The resource counts as released, so that the same mistake
        /// does not also read as a leak.
        /// </summary>
        private bool ReleasedWithWrongFamily(Resource r, IReadOnlyList<ResourceFamily>? families, string callee, SourceSpan span, AbstractState state)
        {
            if (r.Family is not { Strict: true } family || families is null || families.Count == 0 || families.Contains(family) || !families.All(f => f.Strict))
                return false;
            if (r.Ownership != Ownership.Owned && r.Ownership != Ownership.Escaped) return false;
            _report.Report(Rules.UnownedRelease, span,
                callee + "() releases " + Describe(r) + " from " + r.Api + "() (line " + r.AcquiredAt.Line + "), which is not its kind of resource: only "
                + family.PreferredRelease + "() frees it; call " + ReleaseCall(r, HolderOf(r, state)) + " instead",
                r, state);
            state.Update(r with { Ownership = Ownership.Released, ReleasedAt = span, ReleasedBy = callee });
            return true;
        }
    }
}
