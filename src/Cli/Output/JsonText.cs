using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KLeakLint.Cli.Output
{
    /// <summary>The one JSON style of every document kleaklint writes (report, SARIF, baseline): indented, "\n" line ends.</summary>
    internal static class JsonText
    {
        private static readonly JsonWriterOptions s_options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Messages quote C ("p->dentry", "'np'"); the default encoder would escape them for HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>The document <paramref name="write"/> produces, as text ending in a newline.</summary>
        public static string Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, s_options))
            {
                write(json);
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
    }
}
