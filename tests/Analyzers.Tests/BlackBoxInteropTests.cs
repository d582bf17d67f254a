using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// Interop wrappers written the way wrapper authors write them, correct and buggy side by side in one file per family,
    /// checked with every analyzer and no configuration. Each buggy method carries its expectation as a comment,
    /// <c>// expect KL0001 0 1</c>: the rule, then the markup locations (<c>{|#0:...|}</c>) of the diagnostic, the
    /// primary one first; every other method must stay silent. Known limitations are written down too:
    /// <c>// tolerate KL0001 0 1: why</c> is a diagnostic the analyzer gives that it should not (expected, so that the
    /// test notices when it goes away), <c>// known-miss KL0001: why</c> one it should give and does not.
    /// </summary>
    public sealed class BlackBoxInteropTests
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "BlackBox");

        private static readonly Regex Expectation = new Regex(@"//\s*(?:expect|tolerate)\s+(KL\d{4})((?:\s+\d+)+)\s*(?::.*)?$", RegexOptions.Multiline);

        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(Folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void Every_family_has_a_file() => Assert.True(Files().Count() >= 8);

        [Theory]
        [MemberData(nameof(Files))]
        public Task Each_buggy_method_gets_its_diagnostic_and_no_other_method_any(string file)
        {
            var source = File.ReadAllText(Path.Combine(Folder, file));
            var test = new Verify.AllAnalyzersTest { TestCode = source };
            test.ExpectedDiagnostics.AddRange(Expected(source));
            return test.RunAsync();
        }

        internal static IEnumerable<DiagnosticResult> Expected(string source)
        {
            foreach (Match match in Expectation.Matches(source))
            {
                var result = Verify.Diagnostic(match.Groups[1].Value);
                foreach (var marker in match.Groups[2].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    result = result.WithLocation(int.Parse(marker, System.Globalization.CultureInfo.InvariantCulture));
                yield return result;
            }
        }
    }
}
