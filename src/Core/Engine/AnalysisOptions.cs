namespace KLeakLint.Core.Engine
{
    public sealed class AnalysisOptions
    {
        /// <summary>Instructions the engine may interpret per function over all paths before it reports "analysis incomplete".</summary>
        public int StepBudget { get; set; } = 400_000;

        /// <summary>Distinct states a block may see before integer facts are dropped to make paths merge.</summary>
        public int StatesBeforeWidening { get; set; } = 24;

        /// <summary>Distinct states a block may see at all; past this, new states at the block are not explored.</summary>
        public int MaxStatesPerBlock { get; set; } = 256;

        /// <summary>Path notes kept per finding (the latest ones).</summary>
        public int MaxPathNotes { get; set; } = 24;
    }
}
