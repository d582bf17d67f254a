using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Wraps an analyzer so that every callback it registers is timed in the CPU time of the thread that runs it: the
/// analyzer's own cost, JIT compilation of its code included, without the time its threads wait for a core or for
/// another thread's garbage collection (which the compiler's ReportAnalyzer stopwatches count).
/// </summary>
internal sealed class CallbackClock : DiagnosticAnalyzer
{
    private static long s_nanoseconds;

    private readonly DiagnosticAnalyzer _inner;

    public CallbackClock(DiagnosticAnalyzer inner) => _inner = inner;

    /// <summary>CPU time in the callbacks of every wrapped analyzer since the last <see cref="Reset"/>.</summary>
    public static double Milliseconds => Interlocked.Read(ref s_nanoseconds) / 1e6;

    public static void Reset() => Interlocked.Exchange(ref s_nanoseconds, 0);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context));

    private static Action<T> Timed<T>(Action<T> action) => argument =>
    {
        long start = ThreadCpuClock.Now();
        try { action(argument); }
        finally { Interlocked.Add(ref s_nanoseconds, ThreadCpuClock.Now() - start); }
    };

    private static NotSupportedException NotWrapped(string what) =>
        new NotSupportedException(what + " is not timed: KLeakLint's analyzers register none; add it here if they start to");

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _context;
        public Context(AnalysisContext context) => _context = context;
        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _context.RegisterCompilationStartAction(Timed<CompilationStartAnalysisContext>(start => action(new Start(start))));
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> kinds) => _context.RegisterSymbolAction(Timed(action), kinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw NotWrapped("a code block start action");
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds) =>
            _context.RegisterSyntaxNodeAction(Timed(action), kinds);
    }

    private sealed class Start : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _start;
        public Start(CompilationStartAnalysisContext start) : base(start.Compilation, start.Options, start.CancellationToken) => _start = start;
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _start.RegisterCompilationEndAction(Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _start.RegisterSemanticModelAction(Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> kinds) => _start.RegisterSymbolAction(Timed(action), kinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw NotWrapped("a code block start action");
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _start.RegisterCodeBlockAction(Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _start.RegisterSyntaxTreeAction(Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds) =>
            _start.RegisterSyntaxNodeAction(Timed(action), kinds);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) => _start.RegisterOperationAction(Timed(action), kinds);
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _start.RegisterOperationBlockAction(Timed(action));
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw NotWrapped("an operation block start action");
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind kind) => throw NotWrapped("a symbol start action");
    }
}
