using System;
using System.Runtime.InteropServices;

namespace KLeakLint.ClangFront.Native
{
    /// <summary>
    /// What kind of file a path names. .NET reports a FIFO, a socket or a device as an ordinary file,
    /// and opening a FIFO for reading blocks until a writer appears: a named pipe called x.c in a
    /// source tree would hang the run. statx(2) has one layout on every architecture.
    /// </summary>
    internal static unsafe partial class NativeFileKind
    {
        private const int AtFdCwd = -100;
        private const uint StatxType = 0x1;
        private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode
        private const int StatxSize = 256;

        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        private static partial int statx(int dirfd, string pathname, int flags, uint mask, byte* buffer);

        /// <summary>"a named pipe", "a socket", ... for a path that is not a regular file or directory; null otherwise (or when unknown).</summary>
        public static string? DescribeSpecial(string path)
        {
            byte* buffer = stackalloc byte[StatxSize];
            try
            {
                if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return null;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                return null; // a C library without statx: nothing is known, the open goes ahead
            }

            int mode = *(ushort*)(buffer + ModeOffset);
            return (mode & 0xF000) switch
            {
                0x1000 => "a named pipe (FIFO)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => null,
            };
        }
    }
}
