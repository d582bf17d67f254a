using System;
using System.IO;
using System.Linq;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli
{
    /// <summary><c>kleaklint explain KL0001</c>: prints the rule's page (docs/rules/KL0001.md, embedded in the binary).</summary>
    internal static class ExplainCommand
    {
        public static int Run(string rule, TextWriter stdout)
        {
            // By ID in any case, or by name ("leak"), as the rules listing shows both.
            RuleDescriptor? descriptor = Rules.All.FirstOrDefault(r =>
                string.Equals(r.Id, rule, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, rule, StringComparison.OrdinalIgnoreCase));
            if (descriptor is null)
            {
                throw new CliError($"unknown rule '{rule}' (kleaklint rules lists them)", isUsage: true);
            }

            string? page = Page(descriptor.Id);
            if (page is null)
            {
                throw new CliError($"no documentation page is built in for {descriptor.Id}");
            }

            stdout.Write(page.EndsWith('\n') ? page : page + "\n");
            return ExitCodes.Clean;
        }

        /// <summary>The page's markdown, or null when the binary carries none for <paramref name="ruleId"/>.</summary>
        public static string? Page(string ruleId)
        {
            using Stream? stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream($"rules/{ruleId}.md");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
