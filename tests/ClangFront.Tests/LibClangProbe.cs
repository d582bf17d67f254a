using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>
    /// Entry point of the test assembly when run as a program (never by the test runner):
    /// <c>dotnet KLeakLint.ClangFront.Tests.dll probe FILE.c [LIBRARY]</c> loads LIBRARY (else
    /// $KLEAKLINT_LIBCLANG, else the newest installed), parses FILE.c and prints what the binding
    /// reports, one fact per line. Lets one test process check several libclang versions.
    /// </summary>
    public static class LibClangProbe
    {
        public const int LoadFailed = 3;

        public static int Main(string[] args)
        {
            if (args.Length < 2 || args[0] != "probe")
            {
                Console.Error.WriteLine("usage: KLeakLint.ClangFront.Tests probe FILE.c [LIBRARY]");
                return 2;
            }

            if (!LibClangLibrary.TryLoad(args.Length > 2 ? args[2] : null, out string message))
            {
                Console.WriteLine(message);
                return LoadFailed;
            }

            Console.WriteLine($"major={LibClangLibrary.MajorVersion}");
            Console.WriteLine($"path={LibClangLibrary.LoadedPath}");
            using var index = new ClangIndex();
            using ParsedUnit? unit = index.Parse(args[1], new[] { "-std=gnu11" }, null, out string? error);
            if (unit == null)
            {
                Console.WriteLine($"parse-error={error}");
                return 1;
            }

            Console.WriteLine($"root={unit.Root.Kind}");
            Console.WriteLine($"errors={unit.ErrorCount}");
            var operators = new List<string>();
            Collect(unit.Root, operators);
            Console.WriteLine($"operators={string.Join(",", operators)}");
            Console.WriteLine($"macros={string.Join(",", unit.MacroExpansions.Select(m => $"{m.Name}@{m.Line}"))}");
            return 0;
        }

        private static void Collect(Cursor cursor, List<string> operators)
        {
            foreach (Cursor child in cursor.Children())
            {
                if (!child.IsInMainFile)
                {
                    continue;
                }

                if (child.Kind is CursorKind.BinaryOperator or CursorKind.CompoundAssignOperator)
                {
                    operators.Add(child.BinaryOperator.ToString());
                }
                else if (child.Kind == CursorKind.UnaryOperator)
                {
                    operators.Add(child.UnaryOperator.ToString());
                }

                Collect(child, operators);
            }
        }
    }
}
