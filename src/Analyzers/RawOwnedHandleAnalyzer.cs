using System;
using System.Collections.Immutable;
using System.Linq;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// KL0102: a P/Invoke whose result (or out parameter) is an owned native resource — an acquire in the spec catalog,
    /// the user's spec files, .editorconfig pairs or attributes — declared as IntPtr, nint or a pointer. A SafeHandle
    /// return type makes the runtime release it, whatever path or exception the caller takes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RawOwnedHandleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(RuleDescriptors.RawOwnedHandle);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var catalogs = UserCatalogs.Create(start.Options, start.CancellationToken);
                start.RegisterSymbolAction(symbol => Analyze(symbol, catalogs), SymbolKind.Method);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, UserCatalogs catalogs)
        {
            if (context.Symbol is not IMethodSymbol method || !TypeFacts.IsPlatformInvoke(method)) return;
            // A [LibraryImport] partial method also has a (generated) implementation part, analyzed as a symbol of its own:
            // report on the user's declaration only.
            if (method.PartialDefinitionPart is not null) return;
            foreach (var reference in method.DeclaringSyntaxReferences.Take(1))
            {
                if (reference.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration) continue;
                var catalog = new SpecCatalog(catalogs.For(declaration.SyntaxTree));
                AttributePairs.Learn(method, catalog);
                var name = CalleeNames.Resolve(method, catalog);
                if (catalog.FindAcquire(name) is not { Managed: false } acquire) continue;
                var offset = method.IsStatic ? 0 : 1;
                switch (acquire.Location)
                {
                    case ResourceLocation.ReturnValue when TypeFacts.IsRawHandle(method.ReturnType):
                        Report(context, declaration.ReturnType, name, acquire, "returns", LeakProperties.ForAcquire(name, acquire, catalog));
                        break;
                    case ResourceLocation.OutArgument o when o.Index - offset is int i && i >= 0 && i < method.Parameters.Length
                                                               && TypeFacts.IsRawHandle(method.Parameters[i].Type) && i < declaration.ParameterList.Parameters.Count:
                        Report(context, (SyntaxNode?)declaration.ParameterList.Parameters[i].Type ?? declaration.ParameterList.Parameters[i], name, acquire, "stores through an out parameter",
                            LeakProperties.ForAcquire(name, acquire, catalog));
                        break;
                }
            }
        }

        private static void Report(SymbolAnalysisContext context, SyntaxNode at, string name, AcquireSpec acquire, string how,
            ImmutableDictionary<string, string?> properties)
        {
            var release = acquire.Family.PreferredRelease;
            // The properties name the release for the SafeHandle code fix.
            context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.RawOwnedHandle, at.GetLocation(), properties,
                name + "() " + how + " an owned " + acquire.Family.Noun + " as " + at + ": declare it as a SafeHandle subclass whose ReleaseHandle calls " +
                release + "(), so that the runtime releases it on every path and exception"));
        }
    }
}
