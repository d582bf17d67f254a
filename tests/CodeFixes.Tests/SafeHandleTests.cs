using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.SafeHandleCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0102 fixed by a generated SafeHandle subclass in place of the IntPtr the P/Invoke returns.</summary>
    public sealed class SafeHandleTests
    {
        internal static readonly (string, string)[] Specs =
        {
            ("/0/kv.kleaklint.spec", @"
family kv class=memory noun=kv_database release=kv_close
acquire kv_open    family=kv fails=null
acquire kv_dup     family=kv fails=null
acquire kv_create  family=kv at=out0 fails=status
acquire kv_snapshot family=kv fails=null
release kv_close   family=kv arg=0
"),
        };

        [Fact]
        public Task Return_type_becomes_a_generated_SafeHandle() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
}", @"
static class Native
{
    [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
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
", Specs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Fix_all_shares_one_class_between_acquires_and_handles_out_parameters() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
public static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern {|#1:IntPtr|} kv_dup(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_create(out {|#2:IntPtr|} db);
    [DllImport(""kv"")] public static extern bool kv_close(IntPtr db);
}", @"
public static class Native
{
    [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
    [DllImport(""kv"")] public static extern KvHandle kv_dup(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_create(out KvHandle db);
    [DllImport(""kv"")] public static extern bool kv_close(IntPtr db);
}

public sealed class KvHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public KvHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        return Native.kv_close(handle);
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1), Diagnostic("KL0102").WithLocation(2));

        private static readonly (string, string)[] NoSpecs = { };

        /// <summary>A key-value store's P/Invokes, with kv_open returning the raw handle KL0102 is about (#0), and as fixed.</summary>
        internal const string KvNative = @"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}
";

        internal const string KvNativeFixed = @"
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

        [Fact]
        public Task Callers_in_the_same_document_hold_the_handle_and_dispose_it() => FixWithSpecs<RawOwnedHandleAnalyzer>(KvNative + @"
static class Store
{
    public static bool Put(string path, string key, string value)
    {
        IntPtr db = Native.kv_open(path);
        if (db == IntPtr.Zero)
            return false;
        int rc = Native.kv_put(db, key, value);
        Native.kv_close(db);
        return rc == 0;
    }

    public static void Touch(string path)
    {
        Native.kv_open(path);
    }
}
", KvNativeFixed + @"
static class Store
{
    public static bool Put(string path, string key, string value)
    {
        KvHandle db = Native.kv_open(path);
        if (db.IsInvalid)
            return false;
        int rc = Native.kv_put(db, key, value);
        db.Dispose();
        return rc == 0;
    }

    public static void Touch(string path)
    {
        Native.kv_open(path);
    }
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Callers_in_another_document_and_namespace_follow() => FixFilesWithSpecs<RawOwnedHandleAnalyzer>(new[]
        {
            @"
namespace Kv
{
    public static class Native
    {
        [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
        [DllImport(""kv"")] public static extern int kv_create(out {|#1:IntPtr|} db);
        [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
        [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
        [DllImport(""kv"")] public static extern int kv_flush(IntPtr db);
    }
}
",
            @"
namespace App
{
    static class Client
    {
        public static int Put(string path, string key)
        {
            var db = Kv.Native.kv_open(path);
            if (IntPtr.Zero != db)
            {
                int rc = Kv.Native.kv_put(db, key, ""1"");
                Kv.Native.kv_close(db);
                return rc;
            }
            return -1;
        }

        public static bool Create()
        {
            if (Kv.Native.kv_create(out IntPtr db) != 0)
                return false;
            try
            {
                return Kv.Native.kv_flush(db) == 0;
            }
            finally
            {
                Kv.Native.kv_close(db);
            }
        }

        public static void Reopen(string path)
        {
            IntPtr db;
            db = Kv.Native.kv_open(path);
            Kv.Native.kv_close(db);
            db = Kv.Native.kv_open(path);
            Action close = () => Kv.Native.kv_close(db);
            close();
        }
    }
}
",
        }, new[]
        {
            @"
namespace Kv
{
    public static class Native
    {
        [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
        [DllImport(""kv"")] public static extern int kv_create(out KvHandle db);
        [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
        [DllImport(""kv"")] public static extern int kv_put(KvHandle db, string key, string value);
        [DllImport(""kv"")] public static extern int kv_flush(KvHandle db);
    }

    public sealed class KvHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
    {
        public KvHandle() : base(true) { }
        protected override bool ReleaseHandle()
        {
            Native.kv_close(handle);
            return true;
        }
    }
}
",
            @"
namespace App
{
    static class Client
    {
        public static int Put(string path, string key)
        {
            var db = Kv.Native.kv_open(path);
            if (!db.IsInvalid)
            {
                int rc = Kv.Native.kv_put(db, key, ""1"");
                db.Dispose();
                return rc;
            }
            return -1;
        }

        public static bool Create()
        {
            if (Kv.Native.kv_create(out Kv.KvHandle db) != 0)
                return false;
            try
            {
                return Kv.Native.kv_flush(db) == 0;
            }
            finally
            {
                db.Dispose();
            }
        }

        public static void Reopen(string path)
        {
            Kv.KvHandle db;
            db = Kv.Native.kv_open(path);
            db.Dispose();
            db = Kv.Native.kv_open(path);
            Action close = () => db.Dispose();
            close();
        }
    }
}
",
        }, Specs, new[] { Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1) });

        [Fact]
        public Task Release_returning_bool_is_what_ReleaseHandle_returns() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""kernel32"")] public static extern {|#0:IntPtr|} CreateEventW(IntPtr attributes, bool manualReset, bool initialState, string name);
    [DllImport(""kernel32"")] [return: MarshalAs(UnmanagedType.Bool)] public static extern bool CloseHandle(IntPtr handle);
    [DllImport(""kernel32"")] [return: MarshalAs(UnmanagedType.Bool)] public static extern bool SetEvent(IntPtr handle);
}

static class Signal
{
    public static bool Fire()
    {
        IntPtr e = Native.CreateEventW(IntPtr.Zero, true, false, null);
        if (e == IntPtr.Zero) return false;
        bool set = Native.SetEvent(e);
        Native.CloseHandle(e);
        return set;
    }
}
", @"
static class Native
{
    [DllImport(""kernel32"")] public static extern EventWHandle CreateEventW(IntPtr attributes, bool manualReset, bool initialState, string name);
    [DllImport(""kernel32"")] [return: MarshalAs(UnmanagedType.Bool)] public static extern bool CloseHandle(IntPtr handle);
    [DllImport(""kernel32"")] [return: MarshalAs(UnmanagedType.Bool)] public static extern bool SetEvent(EventWHandle handle);
}

internal sealed class EventWHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public EventWHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        return Native.CloseHandle(handle);
    }
}

static class Signal
{
    public static bool Fire()
    {
        EventWHandle e = Native.CreateEventW(IntPtr.Zero, true, false, null);
        if (e.IsInvalid) return false;
        bool set = Native.SetEvent(e);
        e.Dispose();
        return set;
    }
}
", NoSpecs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Release_returning_a_status_succeeds_on_zero() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
static class Libc
{
    [DllImport(""libc"")] public static extern {|#0:nint|} fopen(string path, string mode);
    [DllImport(""libc"")] public static extern int fclose(nint stream);
    [DllImport(""libc"")] public static extern int fputs(string text, nint stream);
}

static class Log
{
    public static void Write(string path, string line)
    {
        nint f = Libc.fopen(path, ""a"");
        if (f == 0) return;
        Libc.fputs(line, f);
        Libc.fclose(f);
    }
}
", @"
static class Libc
{
    [DllImport(""libc"")] public static extern FopenHandle fopen(string path, string mode);
    [DllImport(""libc"")] public static extern int fclose(nint stream);
    [DllImport(""libc"")] public static extern int fputs(string text, FopenHandle stream);
}

internal sealed class FopenHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public FopenHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        return Libc.fclose(handle) == 0;
    }
}

static class Log
{
    public static void Write(string path, string line)
    {
        FopenHandle f = Libc.fopen(path, ""a"");
        if (f.IsInvalid) return;
        Libc.fputs(line, f);
        f.Dispose();
    }
}
", NoSpecs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Pointer_release_is_called_from_an_unsafe_ReleaseHandle() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
static unsafe class Libc
{
    [DllImport(""libc"")] public static extern {|#0:void*|} malloc(nuint size);
    [DllImport(""libc"")] public static extern void free(void* block);
}

static unsafe class Buffers
{
    public static bool TryOne()
    {
        void* block = Libc.malloc(64);
        if (block == null) return false;
        Libc.free(block);
        return true;
    }
}
", @"
static unsafe class Libc
{
    [DllImport(""libc"")] public static extern MallocHandle malloc(nuint size);
    [DllImport(""libc"")] public static extern void free(void* block);
}

internal sealed class MallocHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public MallocHandle() : base(true) { }
    protected override unsafe bool ReleaseHandle()
    {
        Libc.free((void*)handle);
        return true;
    }
}

static unsafe class Buffers
{
    public static bool TryOne()
    {
        MallocHandle block = Libc.malloc(64);
        if (block.IsInvalid) return false;
        block.Dispose();
        return true;
    }
}
", NoSpecs, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Out_arguments_into_declared_locals_and_typed_discards_and_a_UIntPtr_release() => FixWithSpecs<RawOwnedHandleAnalyzer>(@"
namespace Registry
{
    static class Api
    {
        internal static class Native
        {
            [DllImport(""advapi32"")] public static extern int RegOpenKeyExW(UIntPtr root, string subKey, int options, int access, out {|#0:UIntPtr|} key);
            [DllImport(""advapi32"")] public static extern int RegCloseKey(UIntPtr key);
        }

        public static bool Exists(UIntPtr root, string path)
        {
            UIntPtr key;
            if (Native.RegOpenKeyExW(root, path, 0, 1, out key) != 0)
                return false;
            Native.RegCloseKey(key);
            return true;
        }

        public static void Probe(UIntPtr root, string path)
        {
            Native.RegOpenKeyExW(root, path, 0, 1, out UIntPtr _);
        }
    }
}
", @"
namespace Registry
{
    static class Api
    {
        internal static class Native
        {
            [DllImport(""advapi32"")] public static extern int RegOpenKeyExW(UIntPtr root, string subKey, int options, int access, out RegKeyExWHandle key);
            [DllImport(""advapi32"")] public static extern int RegCloseKey(UIntPtr key);
        }

        internal sealed class RegKeyExWHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
        {
            public RegKeyExWHandle() : base(true) { }
            protected override bool ReleaseHandle()
            {
                return Native.RegCloseKey(unchecked((nuint)handle)) == 0;
            }
        }

        public static bool Exists(UIntPtr root, string path)
        {
            RegKeyExWHandle key;
            if (Native.RegOpenKeyExW(root, path, 0, 1, out key) != 0)
                return false;
            key.Dispose();
            return true;
        }

        public static void Probe(UIntPtr root, string path)
        {
            Native.RegOpenKeyExW(root, path, 0, 1, out RegKeyExWHandle _);
        }
    }
}
", NoSpecs, Diagnostic("KL0102").WithLocation(0));

        [Theory]
        [InlineData("stored in a static field", @"
    static IntPtr s_db;
    static void Open(string path) { s_db = Native.kv_open(path); }")]
        [InlineData("returned", @"
    static IntPtr Open(string path) => Native.kv_open(path);")]
        [InlineData("passed to a managed method", @"
    static void Open(string path) { IntPtr db = Native.kv_open(path); Console.WriteLine(db); Native.kv_close(db); }")]
        [InlineData("the release's result read", @"
    static int Open(string path) { IntPtr db = Native.kv_open(path); return Native.kv_close_status(db); }")]
        [InlineData("a P/Invoke parameter that also takes raw values", @"
    static void Open(string path) { IntPtr db = Native.kv_open(path); Native.kv_put(db, ""k"", ""v""); Native.kv_put(IntPtr.Zero, ""k"", ""v""); Native.kv_close(db); }")]
        [InlineData("a local also assigned from elsewhere", @"
    static void Open(string path, bool skip) { IntPtr db = IntPtr.Zero; if (!skip) db = Native.kv_open(path); Native.kv_close(db); }")]
        [InlineData("passed where the P/Invoke's parameter has a marshalling directive for an IntPtr", @"
    [DllImport(""kv"")] static extern int kv_sync([MarshalAs(UnmanagedType.SysInt)] IntPtr db);
    static void Open(string path) { IntPtr db = Native.kv_open(path); kv_sync(db); Native.kv_close(db); }")]
        [InlineData("compared with something other than zero", @"
    static void Open(string path, IntPtr other) { IntPtr db = Native.kv_open(path); if (db == other) return; Native.kv_close(db); }")]
        public Task No_fix_when_a_caller_cannot_follow(string why, string caller)
        {
            Assert.NotEmpty(why);
            return NoFixWithSpecs<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(IntPtr db);
    [DllImport(""kv"", EntryPoint = ""kv_close"")] public static extern int kv_close_status(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}

static class Caller
{" + caller + @"
}
", Specs, Diagnostic("KL0102").WithLocation(0));
        }

        [Theory]
        [InlineData("by reference", "ref IntPtr db")]
        [InlineData("as an int", "int db")]
        [InlineData("with a second argument", "IntPtr db, int flags")]
        public Task No_fix_when_ReleaseHandle_cannot_call_the_release(string why, string parameters)
        {
            Assert.NotEmpty(why);
            return NoFixWithSpecs<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern void kv_close(" + parameters + @");
}
", Specs, Diagnostic("KL0102").WithLocation(0));
        }

        [Fact]
        public Task Not_offered_for_a_LibraryImport_whose_implementation_is_written_by_hand() =>
            NoFixWithSpecs<RawOwnedHandleAnalyzer>(@"
static partial class Native
{
    [LibraryImport(""kv"", StringMarshalling = StringMarshalling.Utf8)] internal static partial {|#0:IntPtr|} kv_open(string path);
    [LibraryImport(""kv"")] internal static partial void kv_close(IntPtr db);
}

static partial class Native
{
    internal static partial IntPtr kv_open(string path) => IntPtr.Zero;
    internal static partial void kv_close(IntPtr db) { }
}
", Specs, Diagnostic("KL0102").WithLocation(0));

        private const string SharedNative = @"
static class Native
{
    [DllImport(""kv"")] public static extern {|#0:IntPtr|} kv_open(string path);
    [DllImport(""kv"")] public static extern {|#1:IntPtr|} kv_dup(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_create(out {|#2:IntPtr|} db);
    [DllImport(""kv"")] public static extern {|#3:IntPtr|} kv_snapshot(IntPtr db);
    [DllImport(""kv"")] public static extern bool kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(IntPtr db, string key, string value);
}
";

        private const string SharedCallers = @"
sealed class Client
{
    public IntPtr Snapshot;

    public bool Copy(string path)
    {
        IntPtr a = Native.kv_open(path);
        if (a == IntPtr.Zero) return false;
        IntPtr b = Native.kv_dup(a);
        Native.kv_put(a, ""k"", ""v"");
        Native.kv_put(b, ""k"", ""v"");
        Snapshot = Native.kv_snapshot(b);
        Native.kv_close(b);
        Native.kv_close(a);
        return true;
    }

    public static void Make()
    {
        Native.kv_create(out var c);
        Native.kv_put(c, ""k"", ""v"");
        Native.kv_close(c);
    }
}
";

        /// <summary>
        /// kv_put receives handles of three acquires: no fix of one alone can retype its parameter (the other two would
        /// still pass IntPtr), so the fix of any of them takes the others of the class along, as Fix All does.
        /// kv_snapshot's result goes to a public field, which is not followed: both leave it, and do the rest.
        /// </summary>
        [Fact]
        public Task Fix_all_and_each_fix_update_callers_shared_by_a_family() => FixFilesWithSpecs<RawOwnedHandleAnalyzer>(
            new[] { SharedNative, SharedCallers },
            new[]
            {
                @"
static class Native
{
    [DllImport(""kv"")] public static extern KvHandle kv_open(string path);
    [DllImport(""kv"")] public static extern KvHandle kv_dup(KvHandle db);
    [DllImport(""kv"")] public static extern int kv_create(out KvHandle db);
    [DllImport(""kv"")] public static extern {|#3:IntPtr|} kv_snapshot(KvHandle db);
    [DllImport(""kv"")] public static extern bool kv_close(IntPtr db);
    [DllImport(""kv"")] public static extern int kv_put(KvHandle db, string key, string value);
}

internal sealed class KvHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
{
    public KvHandle() : base(true) { }
    protected override bool ReleaseHandle()
    {
        return Native.kv_close(handle);
    }
}
",
                @"
sealed class Client
{
    public IntPtr Snapshot;

    public bool Copy(string path)
    {
        KvHandle a = Native.kv_open(path);
        if (a.IsInvalid) return false;
        KvHandle b = Native.kv_dup(a);
        Native.kv_put(a, ""k"", ""v"");
        Native.kv_put(b, ""k"", ""v"");
        Snapshot = Native.kv_snapshot(b);
        b.Dispose();
        a.Dispose();
        return true;
    }

    public static void Make()
    {
        Native.kv_create(out var c);
        Native.kv_put(c, ""k"", ""v"");
        c.Dispose();
    }
}
",
            },
            Specs,
            new[] { Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1), Diagnostic("KL0102").WithLocation(2), Diagnostic("KL0102").WithLocation(3) },
            remaining: new[] { Diagnostic("KL0102").WithLocation(3) });

        [Theory]
        [InlineData("kv_open", "Native", "KvHandle")]
        [InlineData("Native.CreateWidget", "Native", "WidgetHandle")]
        [InlineData("sqlite3_open_v2", "Native", "Sqlite3V2Handle")]
        [InlineData("Open", "ZipNative", "ZipHandle")]
        public void Handle_names_come_from_the_acquire(string acquire, string declaringType, string expected) =>
            Assert.Equal(expected, HandleNames.For(acquire, declaringType));
    }
}
