using System.Collections.Generic;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Configuration
{
    /// <summary>How one rule is to be reported: switched off, or on at a severity.</summary>
    internal readonly record struct RuleSetting(bool Enabled, Severity Severity);

    /// <summary>
    /// A project's <c>.kleaklint.json</c>: per-rule severity and rule on/off. A rule it does not
    /// name keeps its default severity.
    /// </summary>
    internal sealed class ProjectConfiguration
    {
        public const string FileName = ".kleaklint.json";

        private readonly IReadOnlyDictionary<string, RuleSetting> _rules;

        public ProjectConfiguration(string? path, IReadOnlyDictionary<string, RuleSetting> rules)
        {
            Path = path;
            _rules = rules;
        }

        /// <summary>The built-in defaults, for files with no configuration above them.</summary>
        public static ProjectConfiguration Defaults { get; } = new ProjectConfiguration(null, new Dictionary<string, RuleSetting>());

        /// <summary>The file this came from; null for the defaults.</summary>
        public string? Path { get; }

        public RuleSetting For(RuleDescriptor rule) =>
            _rules.TryGetValue(rule.Id, out RuleSetting setting) ? setting : new RuleSetting(true, rule.DefaultSeverity);
    }
}
