using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>Runs every C case in Cases/ through the whole pipeline (headerless) and compares findings with its inline expectations.</summary>
    public sealed class ExpectationTests
    {
        public static IEnumerable<object[]> Cases() =>
            Directory.GetFiles(TestEnvironment.CasesDirectory, "*.c").OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Findings_match_inline_expectations(string caseName)
        {
            TestEnvironment.RequireLibClang();
            var path = Path.Combine(TestEnvironment.CasesDirectory, caseName);
            using var checker = new SourceFileChecker(TestEnvironment.Catalog, new HeaderlessFlags(new List<string>()));

            var report = checker.Check(path);

            Assert.Equal(FileStatus.Ok, report.Status);
            Assert.Empty(report.Incomplete);
            var expected = ExpectationFile.Read(path);
            var unmatched = report.Findings.ToList();
            var missing = new List<Expectation>();
            foreach (var e in expected)
            {
                var words = e.MessagePart.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
                var hit = unmatched.FirstOrDefault(f => f.Span.Line == e.Line && f.Rule.Id == e.Rule
                    && words.All(w => f.Message.Contains(w) || (f.Acquire?.Api ?? "") == w));
                if (hit is null) missing.Add(e);
                else unmatched.Remove(hit);
            }
            var explain = string.Join("\n", missing.Select(m => "missing: line " + m.Line + " " + m.Rule + " " + m.MessagePart)
                .Concat(unmatched.Select(f => "unexpected: line " + f.Span.Line + " " + f.Rule.Id + " in " + f.Function + ": " + f.Message)));
            Assert.True(missing.Count == 0 && unmatched.Count == 0, explain);
        }
    }
}
