using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0101: released on the normal paths, but not when an exception propagates out of the method.</summary>
    public sealed class ExceptionPathLeakTests
    {
        private const string Helpers = @"
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); fill(p, 4); }
";

        [Fact]
        public Task Managed_call_between_acquire_and_release() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Status_check_helper_on_another_value_still_throws_with_the_handle_held() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int widget_create(out IntPtr widget);
    [DllImport(""native"")] static extern void widget_free(IntPtr widget);
    [DllImport(""native"")] static extern int widget_start(IntPtr widget);
    static void ThrowIfFailed(int status) { if (status != 0) throw new InvalidOperationException(); }
    static IntPtr Run()
    {
        if ({|#1:widget_create(out var widget)|} != 0) return IntPtr.Zero;
        int started = widget_start(widget);
        {|#0:ThrowIfFailed(started)|};
        return widget;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Throw_statement_between_acquire_and_release() => Analyze(@"
class C
{
    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(n)|};
        if (n > 100) {|#0:throw new ArgumentOutOfRangeException(nameof(n));|}
        Marshal.FreeCoTaskMem(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Catch_that_does_not_catch_everything_lets_it_leak() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        try { {|#0:Use(p)|}; }
        catch (System.IO.IOException) { Marshal.FreeHGlobal(p); throw; }
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Rethrow_from_a_catch_that_does_not_free() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        try { Use(p); }
        catch (Exception) { Console.WriteLine(""failed""); {|#0:throw;|} }
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Several_throwing_calls_are_one_finding() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        GCHandle h = {|#1:GCHandle.Alloc(new byte[n], GCHandleType.Pinned)|};
        {|#0:Use(h.AddrOfPinnedObject())|};
        Use(h.AddrOfPinnedObject());
        h.Free();
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Try_finally_is_fine() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try { Use(p); }
        finally { Marshal.FreeHGlobal(p); }
    }
}");

        [Fact]
        public Task Catch_all_that_frees_and_rethrows_is_fine() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try { Use(p); }
        catch { Marshal.FreeHGlobal(p); throw; }
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Filtered_catch_that_frees_then_catch_all_that_frees_is_fine() => Analyze(@"
class C
{" + Helpers + @"
    static int Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try { Use(p); }
        catch (ArgumentException e) when (e.ParamName == ""p"") { Marshal.FreeHGlobal(p); return -1; }
        catch (Exception) { Marshal.FreeHGlobal(p); throw; }
        Marshal.FreeHGlobal(p);
        return 0;
    }
}");

        [Fact]
        public Task Only_non_throwing_calls_between_acquire_and_release_is_fine() => Analyze(@"
class C
{" + Helpers + @"
    static int Size => 4;
    static int Twice(int x) { return x * 2; }
    static void Run(string text)
    {
        IntPtr p = Marshal.StringToHGlobalUni(text);
        fill(p, Twice(Size));
        Marshal.WriteInt32(p, Math.Max(1, text.Length));
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Span_access_and_marshalling_helpers_do_not_throw() => Analyze(@"
class C
{
    struct Header { public int Size; public int Kind; }
    static unsafe int Run(int n)
    {
        byte* p = (byte*)NativeMemory.Alloc((nuint)n);
        var span = new Span<byte>(p, n);
        for (int i = 0; i < span.Length; i++) span[i] = (byte)i;
        int offset = (int)Marshal.OffsetOf<Header>(nameof(Header.Kind));
        int first = span.Slice(offset)[0];
        NativeMemory.Free(p);
        return first;
    }
}");

        [Fact]
        public Task Null_conditional_access_and_coalescing_do_not_throw() => Analyze(@"
class C
{" + Helpers + @"
    static int Run(string? text, int? size)
    {
        IntPtr p = Marshal.AllocHGlobal(size ?? 16);
        int rc = fill(p, text?.Length ?? 0);
        Marshal.FreeHGlobal(p);
        return rc;
    }
}");

        [Fact]
        public Task Foreach_over_arrays_strings_and_collection_classes_and_Dispose_do_not_throw() => Analyze(@"
using System.Collections.Generic;
class C
{" + Helpers + @"
    static void Run(int[] numbers, string text, List<int> list, Dictionary<string, int> map, System.IO.Stream stream)
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        foreach (var n in numbers) fill(p, n);
        foreach (var c in text) fill(p, c);
        foreach (var n in list) fill(p, n);
        foreach (var kv in map) fill(p, kv.Value);
        stream.Dispose();
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Foreach_over_any_sequence_may_throw() => Analyze(@"
using System.Collections.Generic;
class C
{" + Helpers + @"
    static void Run(IEnumerable<int> numbers)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        foreach (var n in {|#0:numbers|}) fill(p, n);
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task ThrowExceptionForHR_throws() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int query(IntPtr buffer);
    static void Run()
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(64)|};
        {|#0:Marshal.ThrowExceptionForHR(query(p))|};
        Marshal.FreeCoTaskMem(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_leak_on_a_normal_path_is_KL0001_not_also_KL0101() => Analyze(@"
class C
{" + Helpers + @"
    static void Run(int n, bool quick)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        if (n > 100) throw new ArgumentOutOfRangeException(nameof(n));
        if (quick) {|#0:return;|}
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        // ---- await: a task that failed throws out of the await ----------------------------------------------

        [Fact]
        public Task Await_of_a_task_between_acquire_and_release() => Analyze(@"
using System.Threading.Tasks;
class C
{
    static async Task Run(int n, Task pending)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:await pending|};
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Await_of_a_call_between_acquire_and_release() => Analyze(@"
using System.Threading.Tasks;
class C
{
    static async Task Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        await {|#0:Task.Delay(1)|};
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Awaited_result_assigned_between_acquire_and_release() => Analyze(@"
using System.Threading.Tasks;
class C
{
    static async Task<int> Run(int n, Task<int> size)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        var x = {|#0:await size.ConfigureAwait(false)|};
        Marshal.FreeHGlobal(p);
        return x;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Await_inside_try_finally_or_outside_the_held_span_is_fine() => Analyze(@"
using System.Threading.Tasks;
class C
{
    static async Task Guarded(int n, Task pending)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try { await pending; }
        finally { Marshal.FreeHGlobal(p); }
    }
    static async Task Around(int n, Task before, Task after)
    {
        await before;
        IntPtr p = Marshal.AllocHGlobal(n);
        Marshal.FreeHGlobal(p);
        await after;
    }
}");

        [Fact]
        public void Await_message_names_the_awaited_task()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
using System.Threading.Tasks;
class C
{
    static async Task Run(int n, Task pending)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        await pending;
        Marshal.FreeHGlobal(p);
    }
}"));
            Assert.Contains("if awaiting pending throws", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        // ---- handed off on the normal paths: a call before the hand-off that throws leaves it with nobody ----

        [Fact]
        public Task Init_between_acquire_and_return() => Analyze(@"
class C
{" + Helpers + @"
    static IntPtr Make(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        return p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Init_then_return_a_new_wrapper() => Analyze(@"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}
class C
{" + Helpers + @"
    static Wrapper Make(int n)
    {
        var h = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(h)|};
        return new Wrapper(h);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Managed_init_wrapper_between_acquire_and_return() => Analyze(@"
static class Native
{
    [DllImport(""native"")] static extern int init(IntPtr p);
    public static void Init(IntPtr p) { if (init(p) != 0) throw new InvalidOperationException(""init failed""); }
}
class C
{
    static IntPtr Make(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Native.Init(p)|};
        return p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Throw_before_the_return() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int init(IntPtr p);
    static IntPtr Make(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        if (init(p) != 0) {|#0:throw new InvalidOperationException(""init failed"");|}
        return p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Init_then_store_in_a_field() => Analyze(@"
class C
{" + Helpers + @"
    private IntPtr _buffer;
    C(int n)
    {
        var p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        _buffer = p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Await_before_the_return() => Analyze(@"
using System.Threading.Tasks;
class C
{
    static async Task<IntPtr> Make(int n, Task ready)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:await ready|};
        return p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Catch_all_that_frees_and_rethrows_before_the_return_is_fine() => Analyze(@"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}
class C
{" + Helpers + @"
    static IntPtr Make(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try { Use(p); }
        catch { Marshal.FreeHGlobal(p); throw; }
        return p;
    }
    static Wrapper Wrap(int n)
    {
        var h = Marshal.AllocHGlobal(n);
        try { Use(h); return new Wrapper(h); }
        catch { Marshal.FreeHGlobal(h); throw; }
    }
}");

        [Fact]
        public Task No_throwing_call_before_the_hand_off_is_fine() => Analyze(@"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}
class C
{
    [DllImport(""native"")] static extern int init(IntPtr p);
    private IntPtr _buffer;
    static IntPtr Plain(int n) { IntPtr p = Marshal.AllocHGlobal(n); return p; }
    static IntPtr NativeInit(int n) { IntPtr p = Marshal.AllocHGlobal(n); init(p); return p; }
    C(int n) { _buffer = Marshal.AllocHGlobal(n); init(_buffer); }
}");

        [Fact]
        public Task The_call_that_takes_it_over_may_throw_without_a_finding() => Analyze(@"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}
class C
{" + Helpers + @"
    static Wrapper Direct(int n) => new Wrapper(Marshal.AllocHGlobal(n));
    static Wrapper ThroughALocal(int n) { var h = Marshal.AllocHGlobal(n); var w = new Wrapper(h); return w; }
    static void Lent(int n) { var p = Marshal.AllocHGlobal(n); Use(p); }
    static void Added(int n, System.Collections.Generic.List<IntPtr> list) { var p = Marshal.AllocHGlobal(n); Use(IntPtr.Zero); list.Add(p); }
}");

        [Fact]
        public void Hand_off_message_says_to_release_in_a_catch_that_rethrows()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{" + Helpers + @"
    static IntPtr Make(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        Use(p);
        return p;
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("handed off on the normal paths but not released if C.Use() throws", message);
            Assert.Contains("catch { Marshal.FreeHGlobal(p); throw; }", message);
            Assert.Equal("true", diagnostic.Properties[LeakProperties.HandedOff]);
        }

        [Fact]
        public Task A_leak_inside_a_catch_block_is_found() => Analyze(@"
class C
{" + Helpers + @"
    static int Run(int n)
    {
        try { Use(IntPtr.Zero); }
        catch (ArgumentException)
        {
            IntPtr message = {|#1:Marshal.StringToHGlobalAnsi(""failed"")|};
            if (fill(message, 6) != 0) {|#0:return -1;|}
            Marshal.FreeHGlobal(message);
        }
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public void Message_names_the_call_that_throws_and_the_release()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        Use(p);
        Marshal.FreeHGlobal(p);
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("C.Use() throws", message);
            Assert.Contains("Marshal.FreeHGlobal(p)", message);
            Assert.Contains("finally", message);
        }

        [Fact]
        public void Message_writes_GCHandle_Free_on_the_handle()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{" + Helpers + @"
    static void Run(byte[] data)
    {
        GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        Use(pin.AddrOfPinnedObject());
        pin.Free();
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("release it in a finally block (pin.Free())", message);
            Assert.DoesNotContain("GCHandle.Free(", message);
        }

        [Fact]
        public void Calls_that_may_throw_get_an_exception_edge_and_catalog_calls_do_not()
        {
            var function = Pipeline.Lower(@"
class C
{" + Helpers + @"
    static void Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        Use(p);
        fill(p, n);
        Marshal.FreeHGlobal(p);
    }
}").Single(f => f.Name == "C.Run");
            var calls = function.Blocks.SelectMany(b => b.Instructions).OfType<KLeakLint.Core.Ir.CallInstruction>().ToList();
            Assert.NotNull(calls.Single(c => c.Callee == "C.Use").OnException);
            Assert.Null(calls.Single(c => c.Callee == "C.fill").OnException);
            Assert.Null(calls.Single(c => c.Callee == "Marshal.AllocHGlobal").OnException);
            Assert.Null(calls.Single(c => c.Callee == "Marshal.FreeHGlobal").OnException);
        }

        [Fact]
        public void An_await_gets_an_exception_edge()
        {
            var function = Pipeline.Lower(@"
using System.Threading.Tasks;
class C
{
    static async Task Run(Task pending) { await pending.ConfigureAwait(false); }
}").Single(f => f.Name == "C.Run");
            var calls = function.Blocks.SelectMany(b => b.Instructions).OfType<KLeakLint.Core.Ir.CallInstruction>().ToList();
            Assert.NotNull(calls.Single(c => c.Callee == "<await>").OnException);
            Assert.Null(calls.Single(c => c.Callee == "Task.ConfigureAwait").OnException);
        }
    }
}
