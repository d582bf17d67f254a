using System.Threading.Tasks;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.ReleaseBeforeExitCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0001 fixed by calling the release just before the exit that leaks.</summary>
    public sealed class ReleaseBeforeExitTests
    {
        [Fact]
        public Task Embedded_error_return_gets_a_block() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = {|#1:Marshal.AllocHGlobal(64)|};
        if (fill(buffer, 64) != 0)
            {|#0:return -1;|}
        Marshal.FreeHGlobal(buffer);
        return 0;
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = Marshal.AllocHGlobal(64);
        if (fill(buffer, 64) != 0)
        {
            Marshal.FreeHGlobal(buffer);
            return -1;
        }
        Marshal.FreeHGlobal(buffer);
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Continue_gets_the_release_before_it() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static void Each(string[] lines)
    {
        foreach (var line in lines)
        {
            IntPtr p = {|#1:Marshal.StringToHGlobalUni(line)|};
            if (line.Length == 0) {|#0:continue;|}
            fill(p, line.Length);
            Marshal.FreeHGlobal(p);
        }
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static void Each(string[] lines)
    {
        foreach (var line in lines)
        {
            IntPtr p = Marshal.StringToHGlobalUni(line);
            if (line.Length == 0)
            {
                Marshal.FreeHGlobal(p);
                continue;
            }
            fill(p, line.Length);
            Marshal.FreeHGlobal(p);
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Return_in_a_block_gets_the_release_before_it() => Fix(@"
class C
{
    static void Send(string text, bool quiet)
    {
        IntPtr p = {|#1:Marshal.StringToHGlobalAnsi(text)|};
        if (quiet)
        {
            Console.WriteLine(""quiet"");
            {|#0:return;|}
        }
        Marshal.FreeHGlobal(p);
    }
}", @"
class C
{
    static void Send(string text, bool quiet)
    {
        IntPtr p = Marshal.StringToHGlobalAnsi(text);
        if (quiet)
        {
            Console.WriteLine(""quiet"");
            Marshal.FreeHGlobal(p);
            return;
        }
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Falling_off_the_end_gets_the_release_as_the_last_statement() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static void Pin(byte[] data)
    {
        GCHandle handle = {|#1:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        fill(handle.AddrOfPinnedObject(), data.Length);
    {|#0:}|}
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static void Pin(byte[] data)
    {
        GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        fill(handle.AddrOfPinnedObject(), data.Length);
        handle.Free();
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_return_value_that_reads_the_memory_is_computed_first() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static int First()
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(4)|};
        fill(p, 4);
        {|#0:return Marshal.ReadInt32(p);|}
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int First()
    {
        IntPtr p = Marshal.AllocCoTaskMem(4);
        fill(p, 4);
        var result = Marshal.ReadInt32(p);
        Marshal.FreeCoTaskMem(p);
        return result;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Native_memory_through_a_typed_pointer() => Fix(@"
unsafe class C
{
    static void Zero(bool skip)
    {
        byte* p = (byte*){|#1:NativeMemory.Alloc(16)|};
        if (skip) {|#0:return;|}
        p[0] = 0;
        NativeMemory.Free(p);
    }
}", @"
unsafe class C
{
    static void Zero(bool skip)
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        if (skip)
        {
            NativeMemory.Free(p);
            return;
        }
        p[0] = 0;
        NativeMemory.Free(p);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_throw_that_leaks_gets_the_release_before_it() => Fix(@"
class C
{
    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(n)|};
        if (n > 100) {|#0:throw new ArgumentOutOfRangeException(nameof(n));|}
        Marshal.FreeCoTaskMem(p);
    }
}", @"
class C
{
    static void Run(int n)
    {
        IntPtr p = Marshal.AllocCoTaskMem(n);
        if (n > 100)
        {
            Marshal.FreeCoTaskMem(p);
            throw new ArgumentOutOfRangeException(nameof(n));
        }
        Marshal.FreeCoTaskMem(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Dropped_result_has_nothing_to_release() => NoFix(@"
class C
{
    static void Drop()
    {
        {|#1:Marshal.AllocHGlobal(8)|};
    {|#0:}|}
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Fix_all_releases_every_leaking_exit_once() => FixAll(@"
class C
{" + NativeDeclarations.Fill + @"
    static int Two(string a, string b)
    {
        IntPtr first = {|#1:Marshal.StringToCoTaskMemUTF8(a)|};
        IntPtr second = {|#3:Marshal.StringToCoTaskMemUTF8(b)|};
        if (fill(first, 1) != 0)
            {|#0:{|#2:return -1;|}|}
        Marshal.FreeCoTaskMem(first);
        Marshal.FreeCoTaskMem(second);
        return 0;
    }

    static void Other()
    {
        IntPtr p = {|#5:Marshal.AllocHGlobal(1)|};
    {|#4:}|}
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int Two(string a, string b)
    {
        IntPtr first = Marshal.StringToCoTaskMemUTF8(a);
        IntPtr second = Marshal.StringToCoTaskMemUTF8(b);
        if (fill(first, 1) != 0)
        {
            Marshal.FreeCoTaskMem(first);
            Marshal.FreeCoTaskMem(second);
            return -1;
        }
        Marshal.FreeCoTaskMem(first);
        Marshal.FreeCoTaskMem(second);
        return 0;
    }

    static void Other()
    {
        IntPtr p = Marshal.AllocHGlobal(1);
        Marshal.FreeHGlobal(p);
    }
}", new[]
        {
            Diagnostic("KL0001").WithLocation(0).WithLocation(1),
            Diagnostic("KL0001").WithLocation(2).WithLocation(3),
            Diagnostic("KL0001").WithLocation(4).WithLocation(5),
        });
    }
}
