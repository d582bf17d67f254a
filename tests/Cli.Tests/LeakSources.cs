using System.Linq;

namespace KLeakLint.Cli.Tests
{
    /// <summary>Small headerless C files with one known KL0001 each, for the reporting tests.</summary>
    internal static class LeakSources
    {
        /// <summary>The line the finding is reported on (the error return that leaks).</summary>
        public const string LeakingLine = "return -EINVAL;";

        /// <summary>A function <paramref name="name"/> that leaks buf when n > 64; <paramref name="leakLineSuffix"/> is appended to the leaking line.</summary>
        public static string Function(string name, string leakLineSuffix = "", string beforeLeakLine = "") =>
            $"int {name}(int n)\n" +
            "{\n" +
            "\tchar *buf = kmalloc(n, GFP_KERNEL);\n" +
            "\n" +
            "\tif (!buf)\n" +
            "\t\treturn -ENOMEM;\n" +
            "\tif (n > 64)\n" +
            beforeLeakLine +
            $"\t\t{LeakingLine}{leakLineSuffix}\n" +
            "\tkfree(buf);\n" +
            "\treturn 0;\n" +
            "}\n";

        public static string File(params string[] functions) =>
            "#include <linux/slab.h>\n\n" + string.Join("\n", functions);

        /// <summary>The 1-based line of the n-th (0-based) leaking return in <paramref name="source"/>.</summary>
        public static int LeakLine(string source, int occurrence = 0) =>
            source.Split('\n').Select((text, index) => (text, index))
                .Where(l => l.text.Contains(LeakingLine))
                .ElementAt(occurrence).index + 1;
    }
}
