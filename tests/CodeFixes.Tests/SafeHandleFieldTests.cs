using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.SafeHandleCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0102's fix where the handle lives in a field (or auto-property) of a wrapper class.</summary>
    public sealed class SafeHandleFieldTests
    {
        private static readonly (string, string)[] Specs = SafeHandleTests.Specs;

        private const string Native = SafeHandleTests.KvNative;
        private const string NativeFixed = SafeHandleTests.KvNativeFixed;

        /// <summary>
        /// examples/dotnet/KvStore's shape: opened in the constructor (in a try), checked, passed to P/Invokes, closed in
        /// an idempotent Dispose that zeroes the field. Set by the constructor, the field stays non-nullable; the zeroing
        /// goes, and the check that relied on it asks IsClosed as well.
        /// </summary>
        [Fact]
        public Task Field_opened_in_the_constructor_and_closed_in_Dispose() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
public sealed class Store : IDisposable
{
    private IntPtr _db;

    public Store(string path)
    {
        try
        {
            _db = Native.kv_open(path);
        }
        finally
        {
            Console.WriteLine(path);
        }
        if (_db == IntPtr.Zero) throw new InvalidOperationException(""kv_open failed: "" + path);
    }

    public bool Put(string key, string value) => Native.kv_put(this._db, key, value) == 0;

    public void Dispose()
    {
        if (_db == IntPtr.Zero) return;
        Native.kv_close(_db);
        _db = IntPtr.Zero;
    }
}
", "#nullable enable\n" + NativeFixed + @"
public sealed class Store : IDisposable
{
    private KvHandle _db;

    public Store(string path)
    {
        try
        {
            _db = Native.kv_open(path);
        }
        finally
        {
            Console.WriteLine(path);
        }
        if (_db.IsInvalid) throw new InvalidOperationException(""kv_open failed: "" + path);
    }

    public bool Put(string key, string value) => Native.kv_put(this._db, key, value) == 0;

    public void Dispose()
    {
        if (_db.IsInvalid || _db.IsClosed) return;
        _db.Dispose();
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>
        /// A finalizer runs even when the constructor threw before it set the field (kv_open's DllNotFoundException), so
        /// the releases and checks it reaches are null-safe; the constructor's own check, after the assignment, is not.
        /// </summary>
        [Fact]
        public Task Field_of_a_class_with_a_finalizer() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Store : IDisposable
{
    private readonly IntPtr _db;

    public Store(string path)
    {
        _db = Native.kv_open(path);
        if (_db == IntPtr.Zero) throw new InvalidOperationException(path);
    }

    ~Store() => Close();

    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    private void Close()
    {
        if (_db != IntPtr.Zero)
            Native.kv_close(_db);
    }
}
", "#nullable enable\n" + NativeFixed + @"
sealed class Store : IDisposable
{
    private readonly KvHandle _db;

    public Store(string path)
    {
        _db = Native.kv_open(path);
        if (_db.IsInvalid) throw new InvalidOperationException(path);
    }

    ~Store() => Close();

    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    private void Close()
    {
        if (_db != null && !_db.IsInvalid)
            _db.Dispose();
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>
        /// Opened in a method, not by the constructor: null until then, so <c>KvHandle?</c>, null-safe releases and checks,
        /// the zeroing after the release writes null, and a P/Invoke argument the compiler cannot see set gets <c>!</c>.
        /// </summary>
        [Fact]
        public Task Field_assigned_in_a_method_is_nullable() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Connection : IDisposable
{
    private IntPtr _db = IntPtr.Zero;

    public bool IsOpen => _db != IntPtr.Zero;

    public void Open(string path)
    {
        _db = Native.kv_open(path);
        if (_db == IntPtr.Zero) throw new InvalidOperationException(path);
        Native.kv_put(_db, ""opened"", path);
    }

    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Dispose()
    {
        if (_db != IntPtr.Zero)
        {
            Native.kv_close(_db);
            _db = IntPtr.Zero;
        }
    }
}
", "#nullable enable\n" + NativeFixed + @"
sealed class Connection : IDisposable
{
    private KvHandle? _db;

    public bool IsOpen => _db != null && !_db.IsInvalid;

    public void Open(string path)
    {
        _db = Native.kv_open(path);
        if (_db.IsInvalid) throw new InvalidOperationException(path);
        Native.kv_put(_db, ""opened"", path);
    }

    public int Put(string key) => Native.kv_put(_db!, key, ""1"");

    public void Dispose()
    {
        if (_db != null && !_db.IsInvalid)
        {
            _db.Dispose();
            _db = null;
        }
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>Without nullable annotations the type has no <c>?</c>, and the uses are null-safe all the same.</summary>
        [Fact]
        public Task Field_assigned_in_a_method_without_nullable_annotations() => FixWithSpecs<RawOwnedHandleAnalyzer>(Native + @"
class Cache
{
    private IntPtr _db;

    public void Reopen(string path)
    {
        if (IntPtr.Zero != _db)
        {
            Native.kv_close(_db);
            _db = IntPtr.Zero;
        }
        _db = Native.kv_open(path);
    }

    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Close() => Native.kv_close(_db);
}
", NativeFixed + @"
class Cache
{
    private KvHandle _db;

    public void Reopen(string path)
    {
        if (_db != null && !_db.IsInvalid)
        {
            _db.Dispose();
            _db = null;
        }
        _db = Native.kv_open(path);
    }

    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Close() => _db?.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Private_auto_property_set_by_the_constructor() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Store : IDisposable
{
    public Store(string path) => Db = Native.kv_open(path);

    private IntPtr Db { get; }

    public int Put(string key) => Native.kv_put(Db, key, ""1"");

    public void Dispose() => Native.kv_close(Db);
}
", "#nullable enable\n" + NativeFixed + @"
sealed class Store : IDisposable
{
    public Store(string path) => Db = Native.kv_open(path);

    private KvHandle Db { get; }

    public int Put(string key) => Native.kv_put(Db, key, ""1"");

    public void Dispose() => Db.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>Checked in a local first, then handed to the field: both take the handle class.</summary>
        [Fact]
        public Task Local_handed_to_the_field() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Store : IDisposable
{
    private readonly IntPtr _db;

    public Store(string path)
    {
        IntPtr db = Native.kv_open(path);
        if (db == IntPtr.Zero) throw new InvalidOperationException(path);
        if (Native.kv_put(db, ""opened"", path) != 0)
        {
            Native.kv_close(db);
            throw new InvalidOperationException(path);
        }
        _db = db;
    }

    public void Dispose() => Native.kv_close(_db);
}
", "#nullable enable\n" + NativeFixed + @"
sealed class Store : IDisposable
{
    private readonly KvHandle _db;

    public Store(string path)
    {
        KvHandle db = Native.kv_open(path);
        if (db.IsInvalid) throw new InvalidOperationException(path);
        if (Native.kv_put(db, ""opened"", path) != 0)
        {
            db.Dispose();
            throw new InvalidOperationException(path);
        }
        _db = db;
    }

    public void Dispose() => _db.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>Opened by the initializer; reopened in a method, where the check after the new handle needs no IsClosed.</summary>
        [Fact]
        public Task Field_initialized_by_the_acquire_and_reopened() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Journal : IDisposable
{
    private IntPtr _db = Native.kv_open(""journal"");

    public void Reopen(string path)
    {
        Native.kv_close(_db);
        _db = IntPtr.Zero;
        _db = Native.kv_open(path);
        if (_db == IntPtr.Zero) throw new InvalidOperationException(path);
    }

    public bool IsOpen => _db != IntPtr.Zero;

    public void Dispose() => Native.kv_close(_db);
}
", "#nullable enable\n" + NativeFixed.Replace("kv_put(KvHandle db", "kv_put(IntPtr db") + @"
sealed class Journal : IDisposable
{
    private KvHandle _db = Native.kv_open(""journal"");

    public void Reopen(string path)
    {
        _db.Dispose();
        _db = Native.kv_open(path);
        if (_db.IsInvalid) throw new InvalidOperationException(path);
    }

    public bool IsOpen => !_db.IsInvalid && !_db.IsClosed;

    public void Dispose() => _db.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>
        /// A catch that rethrows still leaves every finished object with a handle, so the field stays non-nullable; the
        /// release in that catch runs when kv_open itself threw, with the field still null, so it is null-safe.
        /// </summary>
        [Fact]
        public Task Release_in_a_constructor_catch_that_rethrows() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
sealed class Store : IDisposable
{
    private IntPtr _db;

    public Store(string path)
    {
        try
        {
            _db = Native.kv_open(path);
            if (Native.kv_put(_db, ""opened"", path) != 0) throw new InvalidOperationException(path);
        }
        catch
        {
            Native.kv_close(_db);
            throw;
        }
    }

    public void Dispose() => Native.kv_close(_db);
}
", "#nullable enable\n" + NativeFixed + @"
sealed class Store : IDisposable
{
    private KvHandle _db;

    public Store(string path)
    {
        try
        {
            _db = Native.kv_open(path);
            if (Native.kv_put(_db, ""opened"", path) != 0) throw new InvalidOperationException(path);
        }
        catch
        {
            _db?.Dispose();
            throw;
        }
    }

    public void Dispose() => _db.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>
        /// Two fields of one family (kv_dup duplicates the first into the second, set in a method: nullable), meeting at
        /// kv_put's parameter: the fix of either acquire takes the other along.
        /// </summary>
        [Fact]
        public Task Fields_of_one_family_change_together() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + @"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern {|#1:IntPtr|} kv_dup(IntPtr db);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}

sealed class Pair : IDisposable
{
    private readonly IntPtr _a;
    private IntPtr _b;

    public Pair(string path) { _a = Native.kv_open(path); }

    public void Fork() { _b = Native.kv_dup(_a); }

    public int Put() => Native.kv_put(_b, ""k"", ""v"") + Native.kv_put(_a, ""k"", ""v"");

    public void Dispose()
    {
        if (_b != IntPtr.Zero) Native.kv_close(_b);
        Native.kv_close(_a);
    }
}
", "#nullable enable\n" + @"
static class Native
{
    [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
    [DllImport(""kv"")] public static extern KvHandle kv_dup(KvHandle db);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(KvHandle db, string key, string value);
}

internal sealed class KvHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public KvHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        Native.kv_close(handle);
        return true;
    }
}

sealed class Pair : IDisposable
{
    private readonly KvHandle _a;
    private KvHandle? _b;

    public Pair(string path) { _a = Native.kv_open(path); }

    public void Fork() { _b = Native.kv_dup(_a); }

    public int Put() => Native.kv_put(_b!, ""k"", ""v"") + Native.kv_put(_a, ""k"", ""v"");

    public void Dispose()
    {
        if (_b != null && !_b.IsInvalid) _b.Dispose();
        _a.Dispose();
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1));

        /// <summary>An out argument straight into the field, in the condition of the constructor's check.</summary>
        [Fact]
        public Task Out_argument_into_the_field() => FixWithSpecsWithoutWarnings<RawOwnedHandleAnalyzer>("#nullable enable\n" + @"
static class Native
{
    [DllImport(""kv"")] public static extern int kv_create(out {|#0:IntPtr|} db);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
}

sealed class Store : IDisposable
{
    private IntPtr _db;

    public Store()
    {
        if (Native.kv_create(out _db) != 0) throw new InvalidOperationException();
    }

    public void Dispose() => Native.kv_close(_db);
}
", "#nullable enable\n" + @"
static class Native
{
    [DllImport(""kv"")] public static extern int kv_create(out KvHandle db);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
}

internal sealed class KvHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public KvHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        Native.kv_close(handle);
        return true;
    }
}

sealed class Store : IDisposable
{
    private KvHandle _db;

    public Store()
    {
        if (Native.kv_create(out _db) != 0) throw new InvalidOperationException();
    }

    public void Dispose() => _db.Dispose();
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        /// <summary>A partial class: the field, its constructor and its Dispose in three files, one P/Invoke file.</summary>
        [Fact]
        public Task Partial_class_across_files() => FixFilesWithSpecs<RawOwnedHandleAnalyzer>(
            new[]
            {
                Native,
                @"
partial class Store
{
    private IntPtr _db;

    public Store(string path) { _db = Native.kv_open(path); }
}
",
                @"
partial class Store : IDisposable
{
    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Dispose() => Native.kv_close(_db);
}
",
            },
            new[]
            {
                NativeFixed,
                @"
partial class Store
{
    private KvHandle _db;

    public Store(string path) { _db = Native.kv_open(path); }
}
",
                @"
partial class Store : IDisposable
{
    public int Put(string key) => Native.kv_put(_db, key, ""1"");

    public void Dispose() => _db.Dispose();
}
",
            },
            Specs, new[] { Diagnostic("KL0102").WithLocation(0) });

        private const string ClosingNative = @"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"", EntryPoint = ""kv_close"")] public static extern int kv_close_status(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}
";

        [Theory]
        [InlineData("passed to a managed method", @"
    public void Log() => Console.WriteLine(_db);")]
        [InlineData("returned", @"
    public IntPtr Raw() { return _db; }")]
        [InlineData("exposed through a public property", @"
    public IntPtr Handle => _db;")]
        [InlineData("compared with something other than zero", @"
    public bool Is(IntPtr other) => _db == other;")]
        [InlineData("assigned from another source", @"
    public void Adopt(IntPtr raw) { _db = raw; }")]
        [InlineData("zeroed without a release right before", @"
    public void Forget() { _db = IntPtr.Zero; }")]
        [InlineData("copied into a local", @"
    public int Put() { IntPtr db = _db; return Native.kv_put(db, ""k"", ""v""); }")]
        [InlineData("another object's field read", @"
    public int Put(Store other) => Native.kv_put(other._db, ""k"", ""v"");")]
        [InlineData("another object's field assigned", @"
    public static void Open(Store other) { other._db = Native.kv_open(""x""); }")]
        [InlineData("passed by reference", @"
    public void Take() { Native.kv_close(System.Threading.Interlocked.Exchange(ref _db, IntPtr.Zero)); }")]
        [InlineData("the release's result read", @"
    public int Close() => Native.kv_close_status(_db);")]
        public Task No_fix_when_a_field_use_cannot_follow(string why, string member)
        {
            Assert.NotEmpty(why);
            return NoFixWithSpecs<RawOwnedHandleAnalyzer>(ClosingNative + @"
sealed class Store : IDisposable
{
    private IntPtr _db;

    public Store(string path) { _db = Native.kv_open(path); }

    public void Dispose() => Native.kv_close(_db);
" + member + @"
}
", Specs, Diagnostic("KL0102").WithLocation(0));
        }

        [Theory]
        [InlineData("a public field", @"
class Store
{
    public IntPtr Db;
    public Store(string path) { Db = Native.kv_open(path); }
}")]
        [InlineData("a public auto-property", @"
class Store
{
    public IntPtr Db { get; private set; }
    public Store(string path) { Db = Native.kv_open(path); }
}")]
        [InlineData("a property with accessors of its own", @"
class Store
{
    private IntPtr _raw;
    private IntPtr Db { get => _raw; set => _raw = value; }
    public Store(string path) { Db = Native.kv_open(path); }
}")]
        [InlineData("a field declared with another", @"
class Store
{
    private IntPtr _db, _other;
    public Store(string path) { _db = Native.kv_open(path); }
    public void Dispose() { Native.kv_close(_db); Native.kv_close(_other); }
}")]
        [InlineData("a struct's field", @"
struct Store
{
    private IntPtr _db;
    public Store(string path) { _db = Native.kv_open(path); }
    public void Dispose() => Native.kv_close(_db);
}")]
        [InlineData("a static field", @"
class Store
{
    private static IntPtr s_db;
    public static void Open(string path) { s_db = Native.kv_open(path); }
}")]
        [InlineData("a record's field", @"
record Store
{
    private IntPtr _db;
    public Store(string path) { _db = Native.kv_open(path); }
    public void Dispose() => Native.kv_close(_db);
}")]
        [InlineData("a field of a class the marshaller lays out", @"
[StructLayout(LayoutKind.Sequential)]
class Store
{
    private IntPtr _db;
    public Store(string path) { _db = Native.kv_open(path); }
    public void Dispose() => Native.kv_close(_db);
}")]
        public Task No_fix_for_a_member_the_fix_does_not_follow(string why, string type)
        {
            Assert.NotEmpty(why);
            return NoFixWithSpecs<RawOwnedHandleAnalyzer>(ClosingNative + type + "\n", Specs, Diagnostic("KL0102").WithLocation(0));
        }
    }
}
