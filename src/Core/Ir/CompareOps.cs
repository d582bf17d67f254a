namespace KLeakLint.Core.Ir
{
    /// <summary>Algebra on comparison operators, shared by both frontends and the engine.</summary>
    public static class CompareOps
    {
        /// <summary>The operator with its operands swapped: <c>0 &gt; ret</c> is <c>ret &lt; 0</c>.</summary>
        public static CompareOp Mirror(this CompareOp op) => op switch
        {
            CompareOp.Lt => CompareOp.Gt,
            CompareOp.Le => CompareOp.Ge,
            CompareOp.Gt => CompareOp.Lt,
            CompareOp.Ge => CompareOp.Le,
            _ => op,
        };

        /// <summary>The operator that holds exactly when this one does not.</summary>
        public static CompareOp Negate(this CompareOp op) => op switch
        {
            CompareOp.Eq => CompareOp.Ne,
            CompareOp.Ne => CompareOp.Eq,
            CompareOp.Lt => CompareOp.Ge,
            CompareOp.Le => CompareOp.Gt,
            CompareOp.Gt => CompareOp.Le,
            _ => CompareOp.Lt,
        };

        /// <summary>The C spelling.</summary>
        public static string Symbol(this CompareOp op) => op switch
        {
            CompareOp.Eq => "==",
            CompareOp.Ne => "!=",
            CompareOp.Lt => "<",
            CompareOp.Le => "<=",
            CompareOp.Gt => ">",
            _ => ">=",
        };
    }
}
