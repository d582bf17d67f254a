using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>An analyzer exception is a bug: none on a large, varied generated body, nor on code that does not compile.</summary>
    public sealed class RobustnessTests
    {
        /// <summary>C# constructs a lowering meets in real code; {0} makes names unique.</summary>
        private static readonly string[] Templates =
        {
            "static int M{0}(int[] a) {{ int s = 0; foreach (var x in a) {{ if (x < 0) continue; s += x; }} return s; }}",
            "static string M{0}(object o) => o switch {{ null => \"\", string s when s.Length > 2 => s, int i => i.ToString(), _ => o.ToString() ?? \"\" }};",
            "static int M{0}(int k) {{ switch (k) {{ case 0: return 1; case 1: goto case 0; case 2: break; default: k++; break; }} return k; }}",
            "static void M{0}(string? s) {{ var n = s?.Length ?? -1; s ??= \"x\"; Console.WriteLine($\"{{s}}:{{n,4}}\"); }}",
            "static async System.Threading.Tasks.Task<int> M{0}() {{ await System.Threading.Tasks.Task.Yield(); try {{ return await System.Threading.Tasks.Task.FromResult(1); }} catch (InvalidOperationException e) when (e.Message.Length > 0) {{ return 2; }} }}",
            "static IEnumerable<int> M{0}(int n) {{ for (int i = 0; i < n; i++) {{ if (i == 5) yield break; yield return i; }} }}",
            "static int M{0}(List<int> l) => l.Where(x => x > 0).Select(x => x * 2).Sum();",
            "static (int, string) M{0}(int a) {{ var (x, y) = (a, a.ToString()); return (x + 1, y); }}",
            "static unsafe int M{0}(byte[] data) {{ fixed (byte* p = data) {{ byte* q = p; int s = 0; for (int i = 0; i < data.Length; i++) s += *q++; return s; }} }}",
            "static unsafe int M{0}() {{ Span<int> s = stackalloc int[4]; int* raw = stackalloc int[2]; raw[1] = s.Length; return raw[1]; }}",
            "static int M{0}(int x) {{ int Local(int y) => y > 0 ? Local(y - 1) + 1 : 0; Func<int, int> f = z => z + Local(z); return f(x); }}",
            "static void M{0}(System.IO.Stream s) {{ lock (Gate) {{ using var r = new System.IO.StreamReader(s); using (var w = new System.IO.StringWriter()) {{ w.Write(r.ReadLine()); }} }} }}",
            "static int M{0}(int a) {{ try {{ if (a > 3) throw new ArgumentException(nameof(a)); return checked(a * 2); }} catch {{ return -1; }} finally {{ Console.WriteLine(a); }} }}",
            "static int M{0}(int a) {{ start: a--; if (a > 10) goto start; while (true) {{ if (--a < 0) break; }} do {{ a++; }} while (a < 3); return a; }}",
            "static int M{0}(Dictionary<string, int> d) {{ if (d.TryGetValue(\"k\", out var v) && v is > 0 and < 10) return v; return d.Count; }}",
            "static void M{0}(ref int r, out int o, in int i) {{ ref int alias = ref r; alias = i; o = alias; }}",
            "static object M{0}() => new {{ A = 1, B = new[] {{ 1, 2 }}, C = new List<int> {{ 3 }}, D = new Dictionary<int, int> {{ [1] = 2 }} }};",
            "static int M{0}(Func<int>? f) => f?.Invoke() ?? throw new InvalidOperationException();",
            "static IntPtr M{0}(int n) {{ IntPtr p = Marshal.AllocHGlobal(n); try {{ for (int i = 0; i < n; i++) Marshal.WriteByte(p, i, 0); return IntPtr.Zero; }} finally {{ Marshal.FreeHGlobal(p); }} }}",
            "static void M{0}(object o) {{ GCHandle h = default; try {{ h = GCHandle.Alloc(o, GCHandleType.Pinned); Use(h.AddrOfPinnedObject()); }} finally {{ if (h.IsAllocated) h.Free(); }} }}",
            "static unsafe void M{0}(int n) {{ byte* b = (byte*)NativeMemory.Alloc((nuint)n); var s = new Span<byte>(b, n); s.Clear(); if (s.Length == 0) {{ NativeMemory.Free(b); return; }} NativeMemory.Free(b); }}",
            "static int M{0}(int[,] grid, int[][] jagged) {{ grid[0, 0] = jagged[0][0]; var r = new Range(1, 2); return jagged[0][r].Length + grid.Length; }}",
            "static void M{0}() {{ var e = new EventHandler((s, a) => {{ }}); Action a = delegate {{ }}; a += () => {{ }}; a(); e(null, EventArgs.Empty); }}",
            "static int M{0}(int a) {{ IntPtr p = Marshal.AllocHGlobal(4); try {{ try {{ if (a > 1) throw new InvalidOperationException(); }} catch (InvalidOperationException e) when (e.Data.Count == 0) {{ throw; }} finally {{ Console.WriteLine(a); }} }} catch {{ Marshal.FreeHGlobal(p); throw; }} Marshal.FreeHGlobal(p); return a; }}",
            "static void M{0}(SafeHandle h) {{ bool ok = false; try {{ h.DangerousAddRef(ref ok); Use(h.DangerousGetHandle()); }} finally {{ if (ok) h.DangerousRelease(); }} }}",
            "static int M{0}(string? s) {{ using var ms = new System.IO.MemoryStream(); var t = s ?? throw new ArgumentNullException(nameof(s)); ms.WriteByte(1); return t.Length; }}",
            "static IEnumerable<int> M{0}(int n) {{ try {{ yield return n; }} finally {{ Console.WriteLine(n); }} }}",
            "static int M{0}(int a) {{ try {{ try {{ return a / (a - 1); }} finally {{ if (a == 3) throw new InvalidOperationException(); }} }} catch (DivideByZeroException) {{ return 0; }} catch (Exception e) when (e is InvalidOperationException) {{ return -1; }} }}",
            "static int M{0}(int a) {{ var p = new Point{0} {{ X = a }}; p.Y = p.X; var q = p with {{ X = 2 }}; return q.X + p.Y; }} record struct Point{0} {{ public int X; public int Y; }}",
        };

        internal static string Generate(int methods)
        {
            var source = new StringBuilder("using System.Collections.Generic;\nusing System.Linq;\npartial class Generated\n{\n");
            source.AppendLine("    static readonly object Gate = new object();");
            source.AppendLine("    [DllImport(\"native\")] static extern int Use(IntPtr p);");
            for (int i = 0; i < methods; i++)
                source.Append("    ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Templates[i % Templates.Length], i).AppendLine();

            // One long body: deep nesting and many branches in one method, the shape that costs the engine most.
            source.AppendLine("    static int Long(int k) {");
            source.AppendLine("        IntPtr p = Marshal.AllocHGlobal(8);");
            for (int i = 0; i < 400; i++)
                source.AppendLine("        if (k == " + i + ") { k += Use(p); } else if (k > " + i + ") { k--; }");
            source.AppendLine("        Marshal.FreeHGlobal(p);\n        return k;\n    }");
            return source.Append("}\n").ToString();
        }

        [Fact]
        public void Generated_body_lowers_and_analyzes_without_an_exception()
        {
            var source = Generate(Templates.Length * 4);
            var functions = Pipeline.Lower(source);
            // Every method, plus the lambdas and local functions inside them, became a function with blocks.
            Assert.True(functions.Count > Templates.Length * 4, functions.Count + " functions");
            Assert.All(functions, f => Assert.NotEmpty(f.Blocks));
            Assert.Empty(Pipeline.Run(source));
        }

        [Fact]
        public async Task Generated_body_gives_no_AD0001_through_the_compiler()
        {
            var compilation = Pipeline.Compile(Generate(Templates.Length * 4));
            var (diagnostics, exceptions) = await RunAnalyzer(compilation);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("KL", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Code_with_errors_gives_no_AD0001()
        {
            const string broken = Verify.Usings + @"
class Broken
{
    static void Half(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        if (p == ) return
        Undefined(p);
        var x = new Missing { A = p };
        foreach (var q in 42) { Marshal.FreeHGlobal(q); }
    }
    static int NoBody(
}";
            var tree = CSharpSyntaxTree.ParseText(broken, path: "Broken.cs");
            var compilation = CSharpCompilation.Create("Broken", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var (diagnostics, exceptions) = await RunAnalyzer(compilation);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ConcurrentBag<Exception> Exceptions)> RunAnalyzer(Compilation compilation)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ResourceLeakAnalyzer(), new RawOwnedHandleAnalyzer()), options);
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
            return (diagnostics, exceptions);
        }
    }
}
