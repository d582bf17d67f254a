using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0001: an acquired resource is neither released nor handed off on some path out of the method.</summary>
    public sealed class LeakTests
    {
        private const string Native = @"
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);
";

        [Fact]
        public Task Error_return_before_free() => Analyze(@"
class C
{" + Native + @"
    static int Read()
    {
        IntPtr buffer = {|#1:Marshal.AllocHGlobal(64)|};
        if (fill(buffer, 64) != 0)
            {|#0:return -1;|}
        Marshal.FreeHGlobal(buffer);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Memory_used_through_ToPointer_still_leaks() => Analyze(@"
unsafe class C
{
    static int Peek(int n)
    {
        byte* p = (byte*){|#1:Marshal.AllocHGlobal(n)|}.ToPointer();
        p[0] = 1;
        {|#0:return p[0];|}
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Bare_return_in_a_void_method_is_the_exit_reported() => Analyze(@"
class C
{
    static void Send(string text, bool quiet)
    {
        IntPtr p = {|#1:Marshal.StringToHGlobalAnsi(text)|};
        if (quiet) {|#0:return;|}
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Falling_off_the_end_points_at_the_closing_brace() => Analyze(@"
class C
{
    static void Maybe(bool free)
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(16)|};
        if (free) Marshal.FreeCoTaskMem(p);
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Leak_through_a_ref_local() => Analyze(@"
class C
{" + Native + @"
    static int Fill(int size)
    {
        IntPtr p = IntPtr.Zero;
        ref IntPtr slot = ref p;
        slot = {|#1:Marshal.AllocHGlobal(size)|};
        if (fill(p, size) != 0)
            {|#0:return -1;|}
        Marshal.FreeHGlobal(p);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Leak_of_what_a_wrapper_allocated() => Analyze(@"
class C
{" + Native + @"
    static IntPtr AllocBuffer(int size) => Marshal.AllocHGlobal(size);
    static void FreeBuffer(IntPtr p) { if (p != IntPtr.Zero) Marshal.FreeHGlobal(p); }
    static int Fill(int size)
    {
        IntPtr p = {|#1:AllocBuffer(size)|};
        if (fill(p, size) != 0)
            {|#0:return -1;|}
        FreeBuffer(p);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Ownership_flag_set_the_wrong_way_round() => Analyze(@"
class C
{" + Native + @"
    static int Borrowed(IntPtr external, int size)
    {
        IntPtr p = external != IntPtr.Zero ? external : {|#1:Marshal.AllocHGlobal(size)|};
        bool owned = external != IntPtr.Zero;
        int rc = fill(p, size);
        if (owned) Marshal.FreeHGlobal(p);
        {|#0:return rc;|}
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task GCHandle_never_freed() => Analyze(@"
class C
{" + Native + @"
    static void Pin(byte[] data)
    {
        GCHandle handle = {|#1:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        fill(handle.AddrOfPinnedObject(), data.Length);
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Dropped_allocation_result() => Analyze(@"
class C
{
    static void Drop()
    {
        {|#1:Marshal.AllocHGlobal(8)|};
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Return_through_a_finally_that_frees_something_else() => Analyze(@"
class C
{
    static void Copy(string a, string b)
    {
        IntPtr first = {|#1:Marshal.StringToCoTaskMemUTF8(a)|};
        IntPtr second = Marshal.StringToCoTaskMemUTF8(b);
        try
        {
            if (second == IntPtr.Zero) {|#0:return;|}
        }
        finally
        {
            Marshal.FreeCoTaskMem(second);
        }
        Marshal.FreeCoTaskMem(first);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Break_out_of_a_loop_skips_the_free() => Analyze(@"
class C
{" + Native + @"
    static void Each(int n)
    {
        for (int i = 0; i < n; i++)
        {
            IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
            if (fill(p, 4) < 0) {|#0:break;|}
            Marshal.FreeHGlobal(p);
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Continue_skips_the_free_and_the_leak_is_at_the_continue() => Analyze(@"
class C
{" + Native + @"
    static int Each(string[] lines)
    {
        int sent = 0;
        foreach (var line in lines)
        {
            IntPtr p = {|#1:Marshal.StringToHGlobalUni(line)|};
            if (line.Length == 0) {|#0:continue;|}
            sent += fill(p, line.Length);
            Marshal.FreeHGlobal(p);
        }
        return sent;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Loop_body_that_never_frees_leaks_at_its_closing_brace() => Analyze(@"
class C
{" + Native + @"
    static void Each(int n)
    {
        for (int i = 0; i < n; i++)
        {
            IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
            fill(p, 4);
        {|#0:}|}
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Valid_kept_in_an_outer_variable_when_the_loop_ends() => Analyze(@"
class C
{" + Native + @"
    static IntPtr First(int n)
    {
        IntPtr found = IntPtr.Zero;
        for (int i = 0; i < n; i++)
        {
            IntPtr p = Marshal.AllocHGlobal(4);
            if (fill(p, 4) == 0) { found = p; break; }
            Marshal.FreeHGlobal(p);
        }
        return found;
    }
}");

        [Fact]
        public Task Leak_inside_a_lambda() => Analyze(@"
class C
{" + Native + @"
    static Action Make() => () =>
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        fill(p, 4);
    {|#0:}|};
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Local_function_that_allocates_is_summarized_for_its_caller() => Analyze(@"
class C
{" + Native + @"
    static void Outer()
    {
        IntPtr Make() => Marshal.AllocHGlobal(4);
        IntPtr p = {|#1:Make()|};
        fill(p, 4);
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Native_memory_and_aligned_memory() => Analyze(@"
unsafe class C
{
    static int Sum(int n)
    {
        int* values = (int*){|#1:NativeMemory.AllocZeroed((nuint)n, sizeof(int))|};
        void* aligned = NativeMemory.AlignedAlloc(64, 16);
        NativeMemory.AlignedFree(aligned);
        {|#0:return values[0];|}
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task QueryInterface_result_not_released_on_success() => Analyze(@"
class C
{" + Native + @"
    static void Probe(IntPtr unknown, Guid iid)
    {
        int hr = {|#1:Marshal.QueryInterface(unknown, in iid, out IntPtr itf)|};
        if (hr < 0) return;
        fill(itf, 0);
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Constructor_and_property_bodies_are_analyzed_once_each() => Analyze(@"
class C
{" + Native + @"
    private readonly int _size;
    public C(int size) : base()
    {
        IntPtr probe = {|#1:Marshal.AllocHGlobal(size)|};
        _size = fill(probe, size);
    {|#0:}|}
    public int Size
    {
        get
        {
            IntPtr probe = {|#3:Marshal.AllocHGlobal(_size)|};
            {|#2:return fill(probe, _size);|}
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1), Diagnostic("KL0001").WithLocation(2).WithLocation(3));

        [Fact]
        public void Message_names_the_resource_the_acquire_and_the_missing_release()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{" + Native + @"
    static int Read()
    {
        IntPtr buffer = Marshal.AllocHGlobal(64);
        if (fill(buffer, 64) != 0) return -1;
        Marshal.FreeHGlobal(buffer);
        return 0;
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var acquire = diagnostic.AdditionalLocations.Single();
            var acquireLine = acquire.GetLineSpan().StartLinePosition.Line + 1;
            Assert.Equal("KL0001", diagnostic.Id);
            Assert.Equal("Marshal.AllocHGlobal(64)", acquire.SourceTree!.GetText().ToString(acquire.SourceSpan));
            Assert.Equal("return -1;", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
            Assert.Equal("unmanaged memory (HGlobal) from Marshal.AllocHGlobal() (line " + acquireLine + ") is not released on this error path; "
                + "call Marshal.FreeHGlobal(buffer) before returning -1", message);
        }

        [Fact]
        public void Message_writes_an_instance_release_on_its_holder()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{" + Native + @"
    static void Pin(byte[] data, bool quick)
    {
        GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        if (quick) return;
        pin.Free();
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var acquireLine = diagnostic.AdditionalLocations.Single().GetLineSpan().StartLinePosition.Line + 1;
            Assert.Equal("GCHandle from GCHandle.Alloc() (line " + acquireLine + ") is not released on this path; call pin.Free() before the function returns", message);
            // Fixes read the catalog's name and find the method themselves.
            Assert.Equal("GCHandle.Free", diagnostic.Properties[LeakProperties.Release]);
        }

        [Fact]
        public void Message_writes_an_instance_release_the_method_never_calls_on_its_holder()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{
    static void Pin(byte[] data) { GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned); }
}"));
            Assert.Contains("call pin.Free() before the function returns", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Message_writes_DangerousRelease_on_the_handle()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{
    static void Use(SafeHandle handle, bool quick)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        if (quick) return;
        handle.DangerousRelease();
    }
}"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("call handle.DangerousRelease() before the function returns", message);
            Assert.DoesNotContain("SafeHandle.DangerousRelease(", message);
        }

        [Fact]
        public void Overwrite_message_writes_an_instance_release_on_its_holder()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{
    static void Pin(byte[] data)
    {
        GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        pin = GCHandle.Alloc(data);
        pin.Free();
    }
}"));
            Assert.Equal("KL0004", diagnostic.Id);
            Assert.EndsWith("is overwritten here; call pin.Free() first", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Valid_freed_in_finally_on_every_path() => Analyze(@"
class C
{" + Native + @"
    static int Read()
    {
        IntPtr buffer = Marshal.AllocHGlobal(64);
        try
        {
            if (fill(buffer, 64) != 0) return -1;
            return Marshal.ReadInt32(buffer);
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }
}");

        [Fact]
        public Task Valid_ownership_moves_into_a_field_an_out_parameter_and_the_return_value() => Analyze(@"
class C
{
    private IntPtr _buffer;
    void Keep() { _buffer = Marshal.AllocHGlobal(4); }
    static void Give(out IntPtr result) { result = Marshal.AllocHGlobal(4); }
    static IntPtr Make() { IntPtr p = Marshal.AllocHGlobal(4); Marshal.WriteInt32(p, 0); return p; }
}");

        [Fact]
        public Task Valid_failed_string_conversion_holds_nothing() => Analyze(@"
class C
{" + Native + @"
    static void Send(string? text)
    {
        IntPtr p = Marshal.StringToHGlobalUni(text);
        if (p == IntPtr.Zero) return;
        fill(p, 0);
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task DangerousAddRef_without_DangerousRelease() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static void Write(SafeHandle handle)
    {
        bool added = false;
        {|#1:handle.DangerousAddRef(ref added)|};
        write(handle.DangerousGetHandle());
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task DangerousRelease_on_one_branch_only() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static int Write(SafeHandle handle)
    {
        bool added = false;
        {|#1:handle.DangerousAddRef(ref added)|};
        if (write(handle.DangerousGetHandle()) != 0) {|#0:return -1;|}
        handle.DangerousRelease();
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Native_allocator_through_P_Invoke_needs_no_configuration() => Analyze(@"
class C
{
    [DllImport(""libc"")] static extern IntPtr malloc(nuint size);
    [DllImport(""libc"")] static extern void free(IntPtr p);
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);
    static int Run()
    {
        IntPtr p = {|#1:malloc(64)|};
        if (p == IntPtr.Zero) return -1;
        if (fill(p, 64) != 0) {|#0:return -2;|}
        free(p);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task CreateFile_fails_with_INVALID_HANDLE_VALUE() => Analyze(@"
class C
{
    static readonly IntPtr INVALID_HANDLE_VALUE = new IntPtr(-1);
    [DllImport(""kernel32"", SetLastError = true, CharSet = CharSet.Unicode)]
    static extern IntPtr CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);
    [DllImport(""kernel32"", SetLastError = true)] static extern bool ReadFile(IntPtr file, byte[] buffer, int size, out int read, IntPtr overlapped);
    [DllImport(""kernel32"", SetLastError = true)] static extern bool CloseHandle(IntPtr handle);
    static int Read(string path, byte[] buffer)
    {
        IntPtr file = {|#1:CreateFileW(path, 0x80000000, 1, IntPtr.Zero, 3, 0, IntPtr.Zero)|};
        if (file == INVALID_HANDLE_VALUE) return -1;
        if (!ReadFile(file, buffer, buffer.Length, out int read, IntPtr.Zero)) {|#0:return -2;|}
        CloseHandle(file);
        return read;
    }
    static int Opened(string path)
    {
        IntPtr file = CreateFileW(path, 0x80000000, 1, IntPtr.Zero, 3, 0, IntPtr.Zero);
        if (file == (IntPtr)(-1)) return -1;
        CloseHandle(file);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));
    }
}
