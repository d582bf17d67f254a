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

            string? page = Output.RuleHelp.Page(descriptor);
            if (page is null)
            {
                throw new CliError($"no documentation page is built in for {descriptor.Id}");
            }

            stdout.Write(page.EndsWith('\n') ? page : page + "\n");
            return ExitCodes.Clean;
        }
    }
}
