namespace KLeakLint.Core.Ir
{
    /// <summary>An operand: a place read, the address of a place, a constant, or something the frontend could not express.</summary>
    public abstract record Value
    {
        public sealed record Read(Place Place) : Value
        {
            public override string ToString() => Place.ToString();
        }

        public sealed record AddressOf(Place Place) : Value
        {
            public override string ToString() => "&" + Place;
        }

        /// <summary>An integer constant; NULL is <c>Constant(0, IsNull: true)</c>.</summary>
        public sealed record Constant(long Number, bool IsNull = false) : Value
        {
            public override string ToString() => IsNull ? "NULL" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// <c>ERR_PTR(x)</c>: an error pointer. Kept distinct from unknown so that a return of it marks an error path.
        /// </summary>
        public sealed record ErrorPointer : Value
        {
            public override string ToString() => "ERR_PTR(...)";
        }

        public sealed record Unknown(string Text = "?") : Value
        {
            public override string ToString() => Text;
        }

        public static readonly Value Null = new Constant(0, true);
        public static readonly Value Opaque = new Unknown();

        public static Value Of(Place p) => new Read(p);
    }
}
