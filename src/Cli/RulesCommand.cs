using System.IO;
using System.Linq;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli
{
    /// <summary><c>kleaklint rules</c>: the shared rule catalog, one rule per line.</summary>
    internal static class RulesCommand
    {
        public static int Run(TextWriter stdout)
        {
            int nameWidth = Rules.All.Max(r => r.Name.Length);
            foreach (RuleDescriptor rule in Rules.All)
            {
                stdout.WriteLine($"{rule.Id}  {rule.Name.PadRight(nameWidth)}  {rule.Title}");
            }

            stdout.WriteLine();
            stdout.WriteLine("KL00xx rules are reported for C by 'kleaklint check'; KL01xx rules belong to the C# frontend.");
            return ExitCodes.Clean;
        }
    }
}
