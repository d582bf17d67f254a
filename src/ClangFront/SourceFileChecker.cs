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

            var unit = _index.Parse(path, setup.Arguments, setup.UnsavedFiles, out var parseError);
            if (unit is null) return Failed(path, parseError ?? "libclang could not parse this file");
            var madeUp = Array.Empty<string>();
            if (setup.Headerless && UndeclaredNames(unit) is { } names)
            {
                var second = HeaderlessFlags.WithMadeUpDeclarations(setup, names.Identifiers, names.Types);
                var reparsed = _index.Parse(path, second.Arguments, second.UnsavedFiles, out _);
                if (reparsed is not null)
                {
                    unit.Dispose();
                    unit = reparsed;
                    madeUp = names.Identifiers.Concat(names.Types).ToArray();
                }
            }
            using var owned = unit;

            var incomplete = new List<IncompleteAnalysis>();
            var functions = TranslationUnitLowering.LowerMainFile(unit, Catalog, incomplete);
            var result = _engine.Analyze(functions);
            incomplete.AddRange(result.Incomplete);
            var findings = WithholdWhereClangFailed(unit, functions, result.Findings, incomplete);

            var diagnostics = unit.Diagnostics.ToList();
            if (setup.Headerless)
                diagnostics.Insert(0, new FileDiagnostic("note", path, 0, 0,
                    "parsed headerless: #include lines were skipped and the built-in kernel prelude declares the APIs" +
                    (madeUp.Length == 0 ? "" : "; names no header declared were made up as integers: " + string.Join(", ", madeUp.Take(12)) + (madeUp.Length > 12 ? ", ..." : "")),
                    "kleaklint"));
            var status = unit.HasErrors ? FileStatus.Errors : FileStatus.Ok;
            return new FileReport(path, status, diagnostics, findings, incomplete);
        }

        /// <summary>
        /// Where clang reported an error inside a function, statements may be missing from its tree (an undeclared
        /// iterator macro parses as a call, a call with an unknown identifier vanishes). A finding whose path spans an
        /// error line (from its acquire, or the function's start, to where it is reported) would be a guess, so it is
        /// withheld; the function is reported as incompletely analyzed.
        /// </summary>
        private static IReadOnlyList<Finding> WithholdWhereClangFailed(ParsedUnit unit, IReadOnlyList<Core.Ir.FunctionIr> functions,
            IReadOnlyList<Finding> findings, List<IncompleteAnalysis> incomplete)
        {
            if (!unit.HasErrors) return findings;
            var errorLines = unit.Diagnostics
                .Where(d => (d.Severity == "error" || d.Severity == "fatal") && d.Line > 0 && SamePath(d.File, unit.MainFile))
                .Select(d => d.Line).OrderBy(l => l).ToList();
            var kept = new List<Finding>();
            foreach (var finding in findings)
            {
                var function = functions.FirstOrDefault(f => f.Name == finding.Function);
                var from = finding.Acquire?.Span.Line ?? function?.Span.Line ?? 0;
                if (!errorLines.Any(l => l >= Math.Min(from, finding.Span.Line) && l <= Math.Max(from, finding.Span.Line))) kept.Add(finding);
            }
            foreach (var function in functions)
            {
                var line = errorLines.FirstOrDefault(l => l >= function.Span.Line && l <= function.EndLine);
                if (line == 0) continue;
                incomplete.Add(new IncompleteAnalysis(function.Name, function.Span,
                    "analysis incomplete: clang reported an error inside this function (line " + line + "); findings whose path crosses it are withheld"));
            }
            return kept;
        }

        private static bool SamePath(string a, string b) =>
            string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

        private static readonly System.Text.RegularExpressions.Regex UndeclaredIdentifier =
            new System.Text.RegularExpressions.Regex(@"^use of undeclared identifier '(\w+)'");

        private static readonly System.Text.RegularExpressions.Regex UnknownTypeName =
            new System.Text.RegularExpressions.Regex(@"^unknown type name '(\w+)'");

        /// <summary>Identifiers and type names the first headerless parse found undeclared, or null when there are none.</summary>
        private static (IReadOnlyCollection<string> Identifiers, IReadOnlyCollection<string> Types)? UndeclaredNames(ParsedUnit unit)
        {
            var identifiers = new SortedSet<string>(StringComparer.Ordinal);
            var types = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var d in unit.Diagnostics.Where(d => d.Severity == "error"))
            {
                var id = UndeclaredIdentifier.Match(d.Message);
                if (id.Success) identifiers.Add(id.Groups[1].Value);
                var type = UnknownTypeName.Match(d.Message);
                if (type.Success) types.Add(type.Groups[1].Value);
            }
            return identifiers.Count + types.Count == 0 ? null : (identifiers, types);
        }

        /// <summary>Why the file cannot be analyzed at all (missing, unreadable, binary), or null.</summary>
        private static string? ReadProblem(string path)
        {
            if (Directory.Exists(path)) return "is a directory";
            if (!File.Exists(path)) return "no such file";
            if (Native.NativeFileKind.DescribeSpecial(path) is { } special) return "not a regular file: " + special;
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

        private static FileReport Failed(string path, string message) => FileReport.NotAnalyzed(path, message);

        public void Dispose() => _index.Dispose();
    }
}
