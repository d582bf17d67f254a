namespace KLeakLint.Core.Ir
{
    public enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

    /// <summary>What a two-way branch tests, in terms the engine can refine on.</summary>
    public abstract record Condition
    {
        /// <summary><c>v == NULL</c> (true branch: the pointer is null). <c>if (!p)</c> lowers to this.</summary>
        public sealed record IsNull(Value Value) : Condition;

        /// <summary>
        /// A handle that its own release resets is still allocated (<c>GCHandle.IsAllocated</c>): true when it is neither
        /// null nor released on this path. Its release is still checked: releasing it again is a double release.
        /// </summary>
        public sealed record IsLive(Value Value) : Condition;

        /// <summary><c>IS_ERR(v)</c>.</summary>
        public sealed record IsErr(Value Value) : Condition;

        /// <summary><c>IS_ERR_OR_NULL(v)</c>.</summary>
        public sealed record IsErrOrNull(Value Value) : Condition;

        /// <summary><c>v OP constant</c>; <c>if (ret)</c> lowers to <c>ret != 0</c>.</summary>
        public sealed record Compare(Value Value, CompareOp Op, long Constant) : Condition;

        /// <summary><c>a == b</c> for two pointers (<c>if (name != orig_name)</c>): decided when both are known to be the same object.</summary>
        public sealed record SameValue(Value Left, Value Right) : Condition;

        /// <summary>The negation of another condition (the frontend may also swap the branches instead).</summary>
        public sealed record Not(Condition Inner) : Condition;

        public sealed record Unknown(string Text = "?") : Condition;

        public static readonly Condition Opaque = new Unknown();
    }
}
