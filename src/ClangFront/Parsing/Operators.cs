namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>The operator of a BinaryOperator or CompoundAssignOperator cursor.</summary>
    public enum BinaryOp
    {
        /// <summary>Not a binary operator, or libclang &lt; 17 and the operator token could not be matched (macro-spelled operator).</summary>
        Unknown,
        Mul,
        Div,
        Rem,
        Add,
        Sub,
        Shl,
        Shr,
        Lt,
        Gt,
        Le,
        Ge,
        Eq,
        Ne,
        And,
        Xor,
        Or,
        LAnd,
        LOr,
        Assign,
        MulAssign,
        DivAssign,
        RemAssign,
        AddAssign,
        SubAssign,
        ShlAssign,
        ShrAssign,
        AndAssign,
        XorAssign,
        OrAssign,
        Comma,
    }

    /// <summary>The operator of a UnaryOperator cursor.</summary>
    public enum UnaryOp
    {
        /// <summary>Not a unary operator, __real/__imag, or the operator token could not be matched (libclang &lt; 17).</summary>
        Unknown,
        PostInc,
        PostDec,
        PreInc,
        PreDec,
        AddrOf,
        Deref,
        Plus,
        Minus,
        Not,
        LNot,
        Extension,
    }
}
