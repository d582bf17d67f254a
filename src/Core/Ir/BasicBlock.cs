using System.Collections.Generic;

namespace KLeakLint.Core.Ir
{
    public sealed class BasicBlock
    {
        public BasicBlock(int id, string? label = null)
        {
            Id = id;
            Label = label;
        }

        public int Id { get; }

        /// <summary>The source label that starts this block, if any.</summary>
        public string? Label { get; set; }

        public List<Instruction> Instructions { get; } = new List<Instruction>();

        /// <summary>Set once the block is complete; a block left open falls off the end of a void function.</summary>
        public Terminator? Terminator { get; set; }

        public IEnumerable<BasicBlock> Successors
        {
            get
            {
                foreach (var instruction in Instructions)
                    if (instruction is CallInstruction { OnException: { } handler }) yield return handler;
                switch (Terminator)
                {
                    case GotoTerminator g: yield return g.Target; break;
                    case BranchTerminator b: yield return b.WhenTrue; yield return b.WhenFalse; break;
                    case SwitchTerminator s:
                        foreach (var c in s.Cases) yield return c.Target;
                        yield return s.Otherwise;
                        break;
                    case ThrowTerminator { Handler: { } handler }: yield return handler; break;
                }
            }
        }

        // Identity stays reference equality; the id (unique within a function) is a cheaper hash than the object header's.
        public override int GetHashCode() => Id;

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override string ToString() => "bb" + Id + (Label is null ? "" : " (" + Label + ")");
    }
}
