using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>
    /// Inline expectations in a C test case, in the spirit of clang's -verify:
    /// <c>// expected-warning{{KL0001}}</c> on the line of the finding, <c>expected-warning@+1{{...}}</c> for the next line,
    /// and optional words after the rule ID that the message must contain.
    /// </summary>
    public sealed record Expectation(int Line, string Rule, string MessagePart);

    public static class ExpectationFile
    {
        private static readonly Regex Marker = new Regex(@"expected-warning(?:@([+-]\d+))?\{\{(KL\d{4})\s*([^}]*)\}\}", RegexOptions.Compiled);

        public static IReadOnlyList<Expectation> Read(string path)
        {
            var result = new List<Expectation>();
            var lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Marker.Matches(lines[i]))
                {
                    var offset = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    result.Add(new Expectation(i + 1 + offset, m.Groups[2].Value, m.Groups[3].Value.Trim()));
                }
            }
            return result;
        }
    }
}
