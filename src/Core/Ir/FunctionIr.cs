using System.Collections.Generic;
using System.Text;

namespace KLeakLint.Core.Ir
{
    /// <summary>One function lowered for analysis.</summary>
    public sealed class FunctionIr
    {
        public FunctionIr(string name, SourceSpan span)
        {
            Name = name;
            Span = span;
        }

        public string Name { get; }
        public SourceSpan Span { get; }

        /// <summary>The last line of the definition (with <see cref="Span"/>, the lines the function covers).</summary>
        public int EndLine { get; set; }
        public List<string> Parameters { get; } = new List<string>();
        public List<string> Locals { get; } = new List<string>();
        public List<BasicBlock> Blocks { get; } = new List<BasicBlock>();
        public BasicBlock Entry => Blocks[0];

        /// <summary>The function returns <c>void</c>; its falling off the end is a return.</summary>
        public bool ReturnsVoid { get; set; }

        /// <summary>Negative integers it returns are kernel error codes (<c>-12</c> reads as <c>-ENOMEM</c>); false for C#.</summary>
        public bool ReturnsErrorCodes { get; set; } = true;

        /// <summary>
        /// A parameter the function releases on some exits and keeps on others counts as possibly kept, so that callers hand
        /// it off tentatively (C#: <c>Close(p, owned)</c> releases only when its flag says so). False for C, where a release
        /// on error exits only is not the function's contract and callers still own the argument.
        /// </summary>
        public bool PartialReleaseMayKeep { get; set; }

        /// <summary>The function returns a pointer (so returning NULL is a failure path).</summary>
        public bool ReturnsPointer { get; set; }

        /// <summary>The function is <c>static</c> (its summary cannot be overridden by another file).</summary>
        public bool IsStatic { get; set; }

        /// <summary>
        /// A helper defined in a header (a <c>static inline</c> accessor): analyzed only for its summary, so that callers
        /// know what it does with their references; its own findings belong to the header, not to this file.
        /// </summary>
        public bool SummaryOnly { get; set; }

        /// <summary>The operations-table slot the file installs this function in (<c>ndo_start_xmit</c>), if any.</summary>
        public string? InstalledAs { get; set; }

        /// <summary>Variables with <c>__attribute__((cleanup(fn)))</c> / <c>__free(fn)</c>: released by fn at scope exit.</summary>
        public Dictionary<string, string> ScopedReleases { get; } = new Dictionary<string, string>();

        public BasicBlock NewBlock(string? label = null)
        {
            var b = new BasicBlock(Blocks.Count, label);
            Blocks.Add(b);
            return b;
        }

        public string Dump()
        {
            var sb = new StringBuilder();
            sb.Append(Name).Append('(').Append(string.Join(", ", Parameters)).AppendLine(")");
            foreach (var b in Blocks)
            {
                sb.Append(b).AppendLine(":");
                foreach (var i in b.Instructions) sb.Append("  ").Append(i).Append("   @").Append(i.Span.Line).AppendLine();
                sb.Append("  ").Append(DumpTerminator(b.Terminator)).AppendLine();
            }
            return sb.ToString();
        }

        private static string DumpTerminator(Terminator? t) => t switch
        {
            null => "fallthrough-exit",
            GotoTerminator g => "goto bb" + g.Target.Id,
            BranchTerminator br => "if " + br.Condition + " then bb" + br.WhenTrue.Id + " else bb" + br.WhenFalse.Id,
            SwitchTerminator s => "switch " + s.Value + " (" + s.Cases.Count + " cases) otherwise bb" + s.Otherwise.Id,
            ReturnTerminator r => "return " + r.Value,
            UnreachableTerminator => "unreachable",
            ThrowTerminator th => (th.RaisesHere ? "throw" : "propagate") + (th.Handler is null ? " out of the function" : " to bb" + th.Handler.Id),
            _ => t.ToString(),
        };
    }
}
