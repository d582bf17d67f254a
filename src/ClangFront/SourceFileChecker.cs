using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Lowering;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Engine;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Specs;

namespace KLeakLint.ClangFront
{
    /// <summary>
    /// Parses one C file with its flags, lowers every function defined in it, and runs the engine.
    /// Never throws for bad input: every problem becomes a diagnostic in the report.
    /// One instance per thread (it owns a libclang index).
    /// </summary>
    public sealed class SourceFileChecker : IDisposable
    {
        private const int BinaryProbeBytes = 8192;
        private readonly ClangIndex _index = new ClangIndex();
        private readonly ProgramAnalyzer _engine;

        public SourceFileChecker(SpecCatalog catalog, ICompileFlagsSource flags, AnalysisOptions? options = null)
        {
            Catalog = catalog;
            Flags = flags;
            _engine = new ProgramAnalyzer(catalog, options);
        }

        public SpecCatalog Catalog { get; }
        public ICompileFlagsSource Flags { get; }

        public FileReport Check(string path)
        {
            try
            {
                return CheckUnguarded(path);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Failed(path, "internal error while analyzing this file: " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        private FileReport CheckUnguarded(string path)
        {
            var problem = ReadProblem(path);
            if (problem is not null) return Failed(path, problem);

            var setup = Flags.GetSetup(path, out var flagError);
            if (setup is null) return Failed(path, flagError ?? "no compile flags for this file");

            using var unit = _index.Parse(path, setup.Arguments, setup.UnsavedFiles, out var parseError);
            if (unit is null) return Failed(path, parseError ?? "libclang could not parse this file");

            var incomplete = new List<IncompleteAnalysis>();
            var functions = TranslationUnitLowering.LowerMainFile(unit, Catalog, incomplete);
            var result = _engine.Analyze(functions);
            incomplete.AddRange(result.Incomplete);
            var findings = WithholdWhereClangFailed(unit, functions, result.Findings, incomplete);

            var diagnostics = unit.Diagnostics.ToList();
            if (setup.Headerless)
                diagnostics.Insert(0, new FileDiagnostic("note", path, 0, 0,
                    "parsed headerless: #include lines were skipped and the built-in kernel prelude declares the APIs", "kleaklint"));
            var status = unit.HasErrors ? FileStatus.Errors : FileStatus.Ok;
            return new FileReport(path, status, diagnostics, findings, incomplete);
        }

        /// <summary>
        /// Where clang reported an error inside a function, statements may be missing from its tree (an undeclared
        /// iterator macro parses as a call, a call with an unknown identifier vanishes): its findings would be guesses,
        /// so they are withheld and the function is reported as incompletely analyzed.
        /// </summary>
        private static IReadOnlyList<Finding> WithholdWhereClangFailed(ParsedUnit unit, IReadOnlyList<Core.Ir.FunctionIr> functions,
            IReadOnlyList<Finding> findings, List<IncompleteAnalysis> incomplete)
        {
            if (!unit.HasErrors) return findings;
            var errorLines = unit.Diagnostics
                .Where(d => (d.Severity == "error" || d.Severity == "fatal") && d.Line > 0 && SamePath(d.File, unit.MainFile))
                .Select(d => d.Line).ToList();
            var damaged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var function in functions)
            {
                var line = errorLines.FirstOrDefault(l => l >= function.Span.Line && l <= function.EndLine);
                if (line == 0 || !damaged.Add(function.Name)) continue;
                incomplete.Add(new IncompleteAnalysis(function.Name, function.Span,
                    "analysis incomplete: clang reported an error inside this function (line " + line + "); its findings are withheld"));
            }
            return damaged.Count == 0 ? findings : findings.Where(f => !damaged.Contains(f.Function)).ToList();
        }

        private static bool SamePath(string a, string b) =>
            string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

        /// <summary>Why the file cannot be analyzed at all (missing, unreadable, binary), or null.</summary>
        private static string? ReadProblem(string path)
        {
            if (Directory.Exists(path)) return "is a directory";
            if (!File.Exists(path)) return "no such file";
            try
            {
                using var stream = File.OpenRead(path);
                var buffer = new byte[BinaryProbeBytes];
                int read = stream.Read(buffer, 0, buffer.Length);
                if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0) return "not a C source file (binary content)";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return "cannot read: " + ex.Message;
            }
            return null;
        }

        private static FileReport Failed(string path, string message) =>
            new FileReport(path, FileStatus.Failed,
                new[] { new FileDiagnostic("error", path, 0, 0, message, "kleaklint") },
                Array.Empty<Finding>(), Array.Empty<IncompleteAnalysis>());

        public void Dispose() => _index.Dispose();
    }
}
