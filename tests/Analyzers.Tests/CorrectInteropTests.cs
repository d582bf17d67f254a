using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// Correct interop code written the ways people write it: every snippet must give zero diagnostics, through the
    /// analyzer host and through the unguarded pipeline (so a lowering exception fails here instead of being skipped).
    /// </summary>
    public sealed class CorrectInteropTests
    {
        private const string Native = @"
static class Native
{
    [DllImport(""native"")] public static extern int fill(IntPtr buffer, int size);
    [DllImport(""native"")] public static extern int send(string text);
    [DllImport(""native"")] public static extern void register_callback(IntPtr context);
    [DllImport(""native"")] public static extern int open_device(out IntPtr handle);
}
";

        public static IEnumerable<object[]> Snippets() => new[]
        {
            Case("try_finally_hglobal", @"
static int Read(int size)
{
    IntPtr buffer = Marshal.AllocHGlobal(size);
    try
    {
        if (Native.fill(buffer, size) != 0) return -1;
        return Marshal.ReadInt32(buffer);
    }
    finally { Marshal.FreeHGlobal(buffer); }
}"),
            Case("zero_then_allocate_inside_try", @"
static void Fill(int size)
{
    IntPtr p = IntPtr.Zero;
    try
    {
        p = Marshal.AllocHGlobal(size);
        Native.fill(p, size);
    }
    finally
    {
        if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
    }
}"),
            Case("string_marshalled_by_hand", @"
static void Send(string text)
{
    IntPtr p = Marshal.StringToHGlobalAnsi(text);
    Native.fill(p, text.Length);
    Marshal.FreeHGlobal(p);
}"),
            Case("cotaskmem_string_read_back", @"
static string Echo(string text)
{
    IntPtr s = Marshal.StringToCoTaskMemUTF8(text);
    try { return Marshal.PtrToStringUTF8(s) ?? """"; }
    finally { Marshal.FreeCoTaskMem(s); }
}"),
            Case("bstr", @"
static void Bstr(string text)
{
    IntPtr b = Marshal.StringToBSTR(text);
    try { Native.fill(b, Marshal.ReadInt32(b, -4)); }
    finally { Marshal.FreeBSTR(b); }
}"),
            Case("structure_round_trip", @"
struct Point { public int X, Y; }
static Point Roundtrip(Point value)
{
    IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf<Point>());
    Marshal.StructureToPtr(value, p, false);
    Native.fill(p, 8);
    Point result = Marshal.PtrToStructure<Point>(p);
    Marshal.FreeHGlobal(p);
    return result;
}"),
            Case("pinned_gchandle", @"
static void Pin(byte[] data)
{
    GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
    try { Native.fill(handle.AddrOfPinnedObject(), data.Length); }
    finally { if (handle.IsAllocated) handle.Free(); }
}"),
            Case("gchandle_cookie_handed_to_native", @"
static void Register(object state)
{
    GCHandle handle = GCHandle.Alloc(state);
    Native.register_callback(GCHandle.ToIntPtr(handle));
}"),
            Case("native_memory_span", @"
static unsafe int Sum(int n)
{
    int* values = (int*)NativeMemory.AllocZeroed((nuint)n, sizeof(int));
    try
    {
        var span = new Span<int>(values, n);
        span.Fill(1);
        int total = 0;
        foreach (var v in span) total += v;
        return total;
    }
    finally { NativeMemory.Free(values); }
}"),
            Case("aligned_native_memory", @"
static unsafe void Aligned()
{
    void* p = NativeMemory.AlignedAlloc(256, 64);
    NativeMemory.Clear(p, 256);
    NativeMemory.AlignedFree(p);
}"),
            Case("com_reference", @"
static void Com(object o)
{
    IntPtr unknown = Marshal.GetIUnknownForObject(o);
    try
    {
        Guid iid = Guid.Empty;
        if (Marshal.QueryInterface(unknown, in iid, out IntPtr itf) == 0)
            Marshal.Release(itf);
    }
    finally { Marshal.Release(unknown); }
}"),
            Case("addref_release_on_a_parameter", @"
static void Borrow(IntPtr unknown)
{
    Marshal.AddRef(unknown);
    Native.fill(unknown, 0);
    Marshal.Release(unknown);
}"),
            Case("securestring", @"
static void Secret(System.Security.SecureString secret)
{
    IntPtr p = Marshal.SecureStringToGlobalAllocUnicode(secret);
    try { Native.fill(p, secret.Length); }
    finally { Marshal.ZeroFreeGlobalAllocUnicode(p); }
}"),
            Case("realloc_growing_buffer", @"
static IntPtr Grow(int count)
{
    IntPtr p = Marshal.AllocHGlobal(16);
    for (int i = 1; i < count; i++)
        p = Marshal.ReAllocHGlobal(p, (IntPtr)(16 * (i + 1)));
    return p;
}"),
            Case("realloc_inside_try_finally", @"
static unsafe void Grow(int steps)
{
    IntPtr p = Marshal.AllocHGlobal(16);
    void* q = NativeMemory.Alloc(16);
    try
    {
        for (int i = 1; i <= steps; i++)
        {
            p = Marshal.ReAllocHGlobal(p, (IntPtr)(16 << i));
            q = NativeMemory.Realloc(q, (nuint)(16 << i));
        }
        Native.fill(p, 16 << steps);
    }
    finally
    {
        Marshal.FreeHGlobal(p);
        NativeMemory.Free(q);
    }
}"),
            Case("ownership_flag_from_a_handle_test", @"
static int Borrowed(IntPtr external, int size)
{
    IntPtr p = external != IntPtr.Zero ? external : Marshal.AllocHGlobal(size);
    bool owned = external == IntPtr.Zero;
    try { return Native.fill(p, size); }
    finally { if (owned) Marshal.FreeHGlobal(p); }
}
static int Kept(string? text)
{
    IntPtr p = text is null ? IntPtr.Zero : Marshal.StringToHGlobalUni(text);
    bool allocated = p != IntPtr.Zero;
    int rc = Native.fill(p, text?.Length ?? 0);
    if (allocated) Marshal.FreeHGlobal(p);
    return rc;
}"),
            Case("owner_class_with_dispose", @"
sealed class Buffer : IDisposable
{
    private IntPtr _memory;
    public Buffer(int size) { _memory = Marshal.AllocHGlobal(size); }
    public void Dispose()
    {
        if (_memory != IntPtr.Zero) { Marshal.FreeHGlobal(_memory); _memory = IntPtr.Zero; }
    }
}"),
            Case("safehandle_takes_ownership", @"
sealed class HGlobalHandle : SafeHandle
{
    public HGlobalHandle(IntPtr memory) : base(IntPtr.Zero, true) { SetHandle(memory); }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { Marshal.FreeHGlobal(handle); return true; }
    public static HGlobalHandle Allocate(int size) => new HGlobalHandle(Marshal.AllocHGlobal(size));
}"),
            Case("struct_carrying_the_pointer_out", @"
struct Block { public IntPtr Data; public int Length; }
static Block Make(int n) { var b = new Block { Data = Marshal.AllocHGlobal(n), Length = n }; return b; }
static void Use() { var b = Make(4); var copy = b; Marshal.FreeHGlobal(copy.Data); }"),
            Case("async_free_after_await", @"
static async System.Threading.Tasks.Task<int> Later(int n)
{
    IntPtr p = Marshal.AllocHGlobal(n);
    try { await System.Threading.Tasks.Task.Yield(); return Native.fill(p, n); }
    finally { Marshal.FreeHGlobal(p); }
}"),
            Case("freed_by_a_lambda", @"
static void Deferred()
{
    IntPtr p = Marshal.AllocHGlobal(4);
    Action release = () => Marshal.FreeHGlobal(p);
    release();
}"),
            Case("switch_and_patterns", @"
static int Kind(object o, int mode)
{
    IntPtr p = Marshal.AllocHGlobal(4);
    try
    {
        var size = o switch { string s => s.Length, int i when i > 0 => i, _ => 0 };
        switch (mode)
        {
            case 0: return size;
            case 1: goto default;
            default: return Native.fill(p, size) is 0 ? 1 : 2;
        }
    }
    finally { Marshal.FreeHGlobal(p); }
}"),
            Case("handle_from_native_out_parameter", @"
static IntPtr Open()
{
    if (Native.open_device(out IntPtr handle) != 0) return IntPtr.Zero;
    return handle;
}"),
            Case("using_and_lock", @"
static readonly object Gate = new object();
static void Guarded(System.IO.Stream stream)
{
    IntPtr p = Marshal.AllocHGlobal(4);
    try
    {
        lock (Gate)
        {
            using (var reader = new System.IO.BinaryReader(stream))
            {
                Marshal.WriteInt32(p, reader.ReadInt32());
            }
        }
    }
    finally { Marshal.FreeHGlobal(p); }
}"),
            Case("dangerous_addref_guarded", @"
static int Write(SafeHandle handle)
{
    bool added = false;
    try
    {
        handle.DangerousAddRef(ref added);
        return Native.fill(handle.DangerousGetHandle(), 4);
    }
    finally
    {
        if (added) handle.DangerousRelease();
    }
}"),
            Case("dangerous_addref_for_the_lifetime_of_an_object", @"
sealed class Pin : IDisposable
{
    private readonly SafeHandle _handle;
    private bool _added;
    public Pin(SafeHandle handle) { _handle = handle; _handle.DangerousAddRef(ref _added); }
    public IntPtr Raw => _handle.DangerousGetHandle();
    public void Dispose() { if (_added) { _handle.DangerousRelease(); _added = false; } }
}"),
            Case("catch_frees_and_rethrows", @"
static IntPtr Make(string text)
{
    IntPtr p = Marshal.StringToCoTaskMemUni(text);
    try { Check(text); }
    catch { Marshal.FreeCoTaskMem(p); throw; }
    return p;
}
static void Check(string text) { if (text.Length == 0) throw new ArgumentException(nameof(text)); }"),
            Case("throw_after_release", @"
static void Send(string text)
{
    IntPtr p = Marshal.StringToHGlobalUni(text);
    int rc = Native.fill(p, text.Length);
    Marshal.FreeHGlobal(p);
    if (rc != 0) throw new InvalidOperationException(""send failed: "" + rc);
}"),
            Case("conditional_store_into_a_field", @"
sealed class NativeText : IDisposable
{
    private IntPtr _text;
    public string? Value
    {
        set
        {
            if (_text != IntPtr.Zero) Marshal.FreeHGlobal(_text);
            _text = value is null ? IntPtr.Zero : Marshal.StringToHGlobalUni(value);
        }
    }
    public void Dispose() { Marshal.FreeHGlobal(_text); _text = IntPtr.Zero; }
}"),
            Case("ref_local_names_the_variable", @"
static int Slot(int size)
{
    IntPtr p = IntPtr.Zero;
    ref IntPtr slot = ref p;
    slot = Marshal.AllocHGlobal(size);
    int rc = Native.fill(p, size);
    Marshal.FreeHGlobal(p);
    return rc;
}
static void Cached(System.Collections.Generic.Dictionary<int, IntPtr> cache, int key)
{
    ref IntPtr entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cache, key, out bool exists);
    if (!exists) entry = Marshal.AllocHGlobal(16);
}"),
            Case("gchandle_freed_early_then_guarded", @"
static void Pin(byte[] data, bool early)
{
    GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
    Native.fill(handle.AddrOfPinnedObject(), data.Length);
    if (early) handle.Free();
    if (handle.IsAllocated) handle.Free();
}"),
            Case("throw_for_the_hresult_of_query_interface", @"
static void Query(IntPtr unknown)
{
    Guid iid = Guid.Empty;
    int hr = Marshal.QueryInterface(unknown, in iid, out IntPtr itf);
    Marshal.ThrowExceptionForHR(hr);
    Native.fill(itf, 0);
    Marshal.Release(itf);
}"),
            Case("wrappers_of_the_pairs", @"
sealed class Buf : IDisposable
{
    private IntPtr _p;
    public void Allocate(int n) { _p = Marshal.AllocHGlobal(n); }
    public void Release() { if (_p != IntPtr.Zero) { Marshal.FreeHGlobal(_p); _p = IntPtr.Zero; } }
    public void Dispose() => Release();
    public IntPtr Detach() { var p = _p; _p = IntPtr.Zero; return p; }
}
static readonly System.Collections.Generic.List<IntPtr> Pool = new System.Collections.Generic.List<IntPtr>();
static void FreeChecked(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentNullException(nameof(p)); Marshal.FreeHGlobal(p); }
static void FreeAndZero(ref IntPtr p) { if (p != IntPtr.Zero) { Marshal.FreeHGlobal(p); p = IntPtr.Zero; } }
static IntPtr TryAlloc(int n) { if (n <= 0) return IntPtr.Zero; return Marshal.AllocHGlobal(n); }
static IntPtr Rent(int n) { if (Pool.Count > 0) { var p = Pool[0]; Pool.RemoveAt(0); return p; } return Marshal.AllocHGlobal(n); }
static void Return(IntPtr p) { Pool.Add(p); }
static string? Take(IntPtr p) { var s = Marshal.PtrToStringUni(p); Marshal.FreeHGlobal(p); return s; }
static bool TryCreate(int n, out IntPtr p) { p = Marshal.AllocHGlobal(n); return true; }
static IntPtr Make(string s) { var p = Marshal.StringToHGlobalUni(s); if (Native.fill(p, s.Length) != 0) { Marshal.FreeHGlobal(p); return IntPtr.Zero; } return p; }
static void A(int n) { var p = Marshal.AllocHGlobal(n); Native.fill(p, n); FreeChecked(p); }
static void B(int n) { var p = Marshal.AllocHGlobal(n); Native.fill(p, n); FreeAndZero(ref p); }
static void C(int n) { var p = TryAlloc(n); if (p == IntPtr.Zero) return; Native.fill(p, n); Marshal.FreeHGlobal(p); }
static void D(int n) { var p = Rent(n); Native.fill(p, n); Return(p); }
static string? E(string s) { var p = Marshal.StringToHGlobalUni(s); return Take(p); }
static void F(int n) { if (!TryCreate(n, out var p)) return; Native.fill(p, n); Marshal.FreeHGlobal(p); }
static void G(int n) { var b = new Buf(); b.Allocate(n); b.Release(); }
static void H(int n) { using var b = new Buf(); b.Allocate(n); }
static IntPtr I(int n) { var b = new Buf(); b.Allocate(n); return b.Detach(); }
static void J(string s) { var p = Make(s); if (p == IntPtr.Zero) return; Marshal.FreeHGlobal(p); }
static void K(int n) { var p = Marshal.AllocHGlobal(n); var q = Marshal.AllocHGlobal(n); FreeChecked(q); FreeChecked(p); }
static void Close(IntPtr p, bool owned) { if (owned) Marshal.FreeHGlobal(p); }
static void L(int n) { var p = Marshal.AllocHGlobal(n); Native.fill(p, n); Close(p, owned: true); }"),
            // Status checks in a helper: they throw only when the native call failed and handed out nothing.
            Case("status_checked_by_helper", @"
[DllImport(""native"")] static extern int widget_create(out IntPtr widget);
[DllImport(""native"")] static extern void widget_free(IntPtr widget);
static void ThrowIfFailed(int status) { if (status != 0) throw new InvalidOperationException(""native error "" + status); }
enum Status { Ok = 0, NotFound = -3 }
static void Ensure(int status)
{
    if (status == (int)Status.Ok)
    {
        return;
    }
    Fail(status);
}
static void Fail(int status) => throw new InvalidOperationException(""native error "" + status);
sealed class Widget : IDisposable
{
    private IntPtr _handle;
    public Widget(IntPtr handle) { _handle = handle; }
    public void Dispose() { if (_handle != IntPtr.Zero) widget_free(_handle); _handle = IntPtr.Zero; }
}
static Widget Open()
{
    int status = widget_create(out var widget);
    ThrowIfFailed(status);
    return new Widget(widget);
}
static Widget OpenChecked()
{
    var status = widget_create(out IntPtr widget);
    Ensure(status);
    return new Widget(widget);
}"),
            // IntPtr.ToPointer() is the same address: returning it rewrapped, or freeing it, settles the allocation.
            Case("memory_through_ToPointer", @"
static unsafe IntPtr ToNative(string text)
{
    int length = System.Text.Encoding.UTF8.GetByteCount(text);
    byte* bytes = (byte*)Marshal.AllocHGlobal(length + 1).ToPointer();
    fixed (char* chars = text) System.Text.Encoding.UTF8.GetBytes(chars, text.Length, bytes, length);
    bytes[length] = 0;
    return new IntPtr(bytes);
}
static unsafe void Scratch(int size)
{
    var scratch = (byte*)Marshal.AllocHGlobal(size).ToPointer();
    scratch[0] = 0;
    Native.fill((IntPtr)scratch, size);
    Marshal.FreeHGlobal((IntPtr)scratch);
}"),
            // The native struct an interop struct wraps: returning the outer struct hands off what the inner one points to.
            Case("struct_in_struct_returned", @"
struct NativeList { public IntPtr Items; public UIntPtr Count; }
struct OwnedList : IDisposable
{
    public NativeList List;
    public static OwnedList Create(int count)
    {
        var owned = new OwnedList();
        owned.List.Items = Marshal.AllocHGlobal(checked(IntPtr.Size * count));
        owned.List.Count = (UIntPtr)count;
        return owned;
    }
    public void Dispose() { if (List.Items != IntPtr.Zero) Marshal.FreeHGlobal(List.Items); List.Items = IntPtr.Zero; }
}
static void Send(int count)
{
    var list = new OwnedList();
    try
    {
        list = OwnedList.Create(count);
        Native.fill(list.List.Items, count);
    }
    finally { list.Dispose(); }
}"),
        };

        private static object[] Case(string name, string members) =>
            new object[] { name, "partial class Interop_" + name + "\n{\n" + members + "\n}\n" + Native };

        [Theory]
        [MemberData(nameof(Snippets))]
        public Task No_diagnostic_through_the_analyzer(string name, string source)
        {
            Assert.NotEmpty(name);
            return Verify.Analyze(source);
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public void No_finding_and_no_exception_in_the_pipeline(string name, string source)
        {
            Assert.True(Pipeline.Run(source).Count == 0, name);
        }

        /// <summary>The folder CorrectInterop: whole files of wrappers, with the user pairs of mylib.kleaklint.spec.</summary>
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "CorrectInterop");

        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(Folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

        /// <summary>
        /// The correct half of each black-box file (tests/Analyzers.Tests/BlackBox) that has a <c>Buggy</c> class: the file
        /// without that class and without the members that carry expectations, checked with the user pairs of this folder
        /// too. Cut from the file at test time, so the two halves cannot drift apart.
        /// </summary>
        public static IEnumerable<object[]> BlackBoxFiles() =>
            BlackBoxInteropTests.Files().Where(f => File.ReadAllText(Path.Combine(BlackBoxFolder, (string)f[0])).Contains("class Buggy"));

        private static readonly string BlackBoxFolder = Path.Combine(AppContext.BaseDirectory, "BlackBox");

        [Theory]
        [MemberData(nameof(BlackBoxFiles))]
        public Task Every_analyzer_passes_the_correct_half_of_a_black_box_file(string file)
        {
            var (half, pruned) = CorrectHalf(File.ReadAllText(Path.Combine(BlackBoxFolder, file)));
            // The cut keeps the correct methods: only the odd one that used a buggy declaration goes.
            Assert.True(pruned <= 2, file + ": " + pruned + " correct members removed for using what was cut");
            var correct = CSharpSyntaxTree.ParseText(half).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.ValueText == "Correct");
            Assert.True(correct.Members.Count >= 5, file + ": the correct half keeps " + correct.Members.Count + " members");
            var test = new Verify.AllAnalyzersTest { TestCode = half };
            test.TestState.AdditionalFiles.Add(("/0/mylib.kleaklint.spec", File.ReadAllText(Path.Combine(Folder, "mylib.kleaklint.spec"))));
            return test.RunAsync();
        }

        private static readonly Regex Markup = new Regex(@"\{\|#\d+:|\|\}");

        private static readonly Regex Expectation = new Regex(@"//\s*(?:expect|tolerate|known-miss)\b");

        /// <summary>
        /// The file without its markup, its <c>Buggy</c> class and the members whose lines carry an expectation; then
        /// without the members that no longer compile because they used one of those (<c>Native.malloc</c>, a KL0102
        /// declaration, used by a correct method).
        /// </summary>
        private static (string Source, int Pruned) CorrectHalf(string source)
        {
            var root = CSharpSyntaxTree.ParseText(Markup.Replace(source, ""), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            root = root.RemoveNodes(root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                .Where(m => m is TypeDeclarationSyntax { Identifier.ValueText: "Buggy" } || IsMember(m) && Expectation.IsMatch(m.ToFullString())),
                SyntaxRemoveOptions.KeepNoTrivia)!;
            var pruned = 0;
            for (var round = 0; round < 3; round++)
            {
                var tree = root.SyntaxTree;
                var errors = CSharpCompilation.Create("Half", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All,
                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true))
                    .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count == 0) break;
                var broken = errors.Select(e => root.FindNode(e.Location.SourceSpan).FirstAncestorOrSelf<MemberDeclarationSyntax>(IsMember))
                    .Where(m => m is not null).Distinct().ToList();
                pruned += broken.Count;
                root = root.RemoveNodes(broken!, SyntaxRemoveOptions.KeepNoTrivia)!;
            }
            return (root.ToFullString(), pruned);
        }

        private static bool IsMember(MemberDeclarationSyntax member) =>
            member is not BaseTypeDeclarationSyntax && member is not BaseNamespaceDeclarationSyntax;

        [Fact]
        public void The_folder_has_files_for_every_family_of_wrappers() => Assert.True(Files().Count() >= 5);

        [Theory]
        [MemberData(nameof(Files))]
        public Task Every_analyzer_passes_the_folder_with_no_diagnostic(string file)
        {
            var test = new Verify.AllAnalyzersTest { TestCode = File.ReadAllText(Path.Combine(Folder, file)) };
            test.TestState.AdditionalFiles.Add(("/0/mylib.kleaklint.spec", File.ReadAllText(Path.Combine(Folder, "mylib.kleaklint.spec"))));
            return test.RunAsync();
        }
    }
}
