using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KLeakLint.ClangFront.Flags;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>The whole pipeline (real flags, real headers, lowering, engine) over real driver files of the 6.1 tree.</summary>
    public sealed class PipelineTests
    {
        [Fact]
        public void Real_driver_files_parse_without_errors_and_every_function_is_lowered_and_analyzed()
        {
            TestEnvironment.RequireLibClang();
            var root = RealKernelFiles.SourceRoot ?? throw new InvalidOperationException("kernel source tree missing: run scripts/setup.sh");
            var headers = RealKernelFiles.HeadersDir ?? throw new InvalidOperationException("kernel headers missing: run scripts/setup.sh");
            var flags = KernelTreeFlags.TryCreate(headers, new List<string>(), out var error) ?? throw new InvalidOperationException(error);
            Assert.True(RealKernelFiles.DriverFiles.Count >= 20);

            var reports = new ConcurrentBag<FileReport>();
            Parallel.ForEach(
                RealKernelFiles.DriverFiles,
                new ParallelOptions { MaxDegreeOfParallelism = 2 },
                () => new SourceFileChecker(TestEnvironment.Catalog, flags),
                (file, _, checker) =>
                {
                    reports.Add(checker.Check(Path.Combine(root, file)));
                    return checker;
                },
                checker => checker.Dispose());

            var problems = reports
                .Where(r => r.Status != FileStatus.Ok || r.Incomplete.Any(i => i.Reason.Contains("could not lower")))
                .Select(r => r.Path + ": " + r.Status + " " + string.Join("; ", r.Diagnostics.Where(d => d.Severity != "note" && d.Severity != "warning").Take(3).Select(d => d.Line + ": " + d.Message))
                    + string.Join("; ", r.Incomplete.Select(i => i.Function + ": " + i.Reason)))
                .ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Equal(RealKernelFiles.DriverFiles.Count, reports.Count);
        }
    
        [Fact]
        public void Functions_with_clang_errors_are_reported_incomplete_and_the_others_still_analyzed()
        {
            TestEnvironment.RequireLibClang();
            var dir = Directory.CreateTempSubdirectory("kl-errors-");
            var path = Path.Combine(dir.FullName, "broken.c");
            File.WriteAllText(path,
                "int broken(struct device_node *np)\n{\n\tstruct device_node *c;\n\n" +
                "\tfor_each_undeclared_thing(np, c) {\n\t\tif (c)\n\t\t\tcontinue;\n\t}\n\treturn 0;\n}\n\n" +
                "int leaky(int n)\n{\n\tchar *p = kmalloc(n, GFP_KERNEL);\n\n\tif (!p)\n\t\treturn -ENOMEM;\n\treturn 0;\n}\n");
            using var checker = new SourceFileChecker(TestEnvironment.Catalog, new HeaderlessFlags(new List<string>()));

            var report = checker.Check(path);

            Assert.Equal(FileStatus.Errors, report.Status);
            var incomplete = Assert.Single(report.Incomplete);
            Assert.Equal("broken", incomplete.Function);
            Assert.Contains("line 5", incomplete.Reason);
            var finding = Assert.Single(report.Findings);
            Assert.Equal("leaky", finding.Function);
            dir.Delete(true);
        }
    }
}
