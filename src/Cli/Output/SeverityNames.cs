using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Output
{
    /// <summary>Severities as written in text, JSON, SARIF and .kleaklint.json: the same three words everywhere.</summary>
    internal static class SeverityNames
    {
        public static string Of(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Note => "note",
            _ => "warning",
        };
    }
}
