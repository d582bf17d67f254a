using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KLeakLint.CodeFixes
{
    /// <summary>Two findings about one variable and one release need one release call, not two.</summary>
    internal sealed class HolderAndRelease : IEqualityComparer<(ISymbol Holder, IMethodSymbol Release)>
    {
        public static readonly HolderAndRelease Comparer = new HolderAndRelease();

        public bool Equals((ISymbol Holder, IMethodSymbol Release) x, (ISymbol Holder, IMethodSymbol Release) y) =>
            SymbolEqualityComparer.Default.Equals(x.Holder, y.Holder) && SymbolEqualityComparer.Default.Equals(x.Release, y.Release);

        public int GetHashCode((ISymbol Holder, IMethodSymbol Release) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Holder) * 31 + SymbolEqualityComparer.Default.GetHashCode(obj.Release);
    }
}
