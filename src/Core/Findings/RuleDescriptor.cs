namespace KLeakLint.Core.Findings
{
    public enum Severity { Note, Warning, Error }

    /// <summary>A rule as users see it in every frontend: one ID, one meaning.</summary>
    public sealed record RuleDescriptor(string Id, string Name, string Title, Severity DefaultSeverity)
    {
        public string HelpPath => "docs/rules/" + Id + ".md";
    }
}
