using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.SafeHandleCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0102 fixed by a generated SafeHandle subclass in place of the IntPtr the P/Invoke returns.</summary>
    public sealed class SafeHandleTests
    {
        private static readonly (string, string)[] Specs =
        {
            ("/0/kv.kleaklint.spec", @"
family kv class=memory noun=kv_database release=kv_close
acquire kv_open    family=kv fails=null
acquire kv_dup     family=kv fails=null
acquire kv_create  family=kv at=out0 fails=status
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

        [Theory]
        [InlineData("kv_open", "Native", "KvHandle")]
        [InlineData("Native.CreateWidget", "Native", "WidgetHandle")]
        [InlineData("sqlite3_open_v2", "Native", "Sqlite3V2Handle")]
        [InlineData("Open", "ZipNative", "ZipHandle")]
        public void Handle_names_come_from_the_acquire(string acquire, string declaringType, string expected) =>
            Assert.Equal(expected, SafeHandleCodeFix.HandleNameFor(acquire, declaringType));
    }
}
