using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>What the engine knows about the value a place holds on one path.</summary>
    internal abstract record SymbolicValue
    {
        /// <summary>A pointer to (or handle of) tracked resource <see cref="Id"/>.</summary>
        public sealed record Resource(int Id) : SymbolicValue
        {
            public override string ToString() => "r" + Id;
        }

        /// <summary>The address of a place (<c>p = &amp;file-&gt;f_path</c>).</summary>
        public sealed record Address(Place Target) : SymbolicValue
        {
            public override string ToString() => "&" + Target;
        }

        public sealed record Null : SymbolicValue
        {
            public override string ToString() => "null";
        }

        public sealed record Integer(long Value) : SymbolicValue
        {
            public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>An <c>ERR_PTR()</c> value.</summary>
        public sealed record ErrorPointer : SymbolicValue
        {
            public override string ToString() => "errptr";
        }

        /// <summary>The status returned by an acquire that reports failure through it: zero means the resource was acquired.</summary>
        public sealed record Status(int ResourceId) : SymbolicValue
        {
            public override string ToString() => "status(r" + ResourceId + ")";
        }

        /// <summary>
        /// A pointer computed from a tracked resource by a function the engine does not know (<c>to_i2c_adapter(dev)</c>):
        /// returning or storing it hands the resource on.
        /// </summary>
        public sealed record Derived(int ResourceId) : SymbolicValue
        {
            public override string ToString() => "derived(r" + ResourceId + ")";
        }

        /// <summary>
        /// A copy of a reference the device core holds for the device (<c>np = dev-&gt;of_node</c>): this function may use it
        /// but never took a reference it could drop.
        /// </summary>
        public sealed record BorrowedFrom(Place Source) : SymbolicValue
        {
            public override string ToString() => "borrowed(" + Source + ")";
        }

        /// <summary>
        /// A pointer an <c>unowned</c> function returned (<c>handle.DangerousGetHandle()</c>): memory that <see cref="Owner"/>
        /// (as written, null when the runtime owns it) keeps owning. Releasing it is KL0005.
        /// </summary>
        public sealed record OwnedElsewhere(string Api, string? Owner) : SymbolicValue
        {
            public override string ToString() => "owned-by(" + (Owner ?? Api) + ")";
        }

        /// <summary>An integer known to be negative (after <c>if (ret &lt; 0)</c>): an error code.</summary>
        public sealed record Negative : SymbolicValue
        {
            public override string ToString() => "<0";
        }

        public static readonly SymbolicValue NegativeValue = new Negative();
        public static readonly SymbolicValue NullValue = new Null();
        public static readonly SymbolicValue ErrorValue = new ErrorPointer();
    }
}
