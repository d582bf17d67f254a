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

        private const string Native = @"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}
";

        private const string NativeFixed = @"
static class Native
{
    [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
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
";

        /// <summary>
        /// examples/dotnet/KvStore's shape: opened in the constructor (in a try), checked, passed to P/Invokes, closed in
        /// an idempotent Dispose that zeroes the field. Set by the constructor, the field stays non-nullable; the zeroing
        /// goes, and the check that relied on it asks IsClosed as well.
        /// </summary>
        [Fact]
        public Task Field_opened_in_the_constructor_and_closed_in_Dispose() => FixWithSpecs<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
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
        public Task Field_of_a_class_with_a_finalizer() => FixWithSpecs<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
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
        public Task Field_assigned_in_a_method_is_nullable() => FixWithSpecs<RawOwnedHandleAnalyzer>("#nullable enable\n" + Native + @"
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
    }
}
