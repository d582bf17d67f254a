using System.Runtime.InteropServices;

namespace KLeakLint.ClangFront.Native
{
    /// <summary>The C library's environment, which native code reads with getenv.</summary>
    internal static partial class NativeEnvironment
    {
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int setenv(string name, string value, int overwrite);
    }
}
