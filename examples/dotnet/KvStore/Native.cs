using System;
using System.Runtime.InteropServices;

namespace KvStore
{
    /// <summary>P/Invoke declarations for libkv (../native/kv.h). KL0102 on kv_open: it returns the owned database as IntPtr.</summary>
    internal static class Native
    {
        private const string Library = "kv";

        [DllImport(Library)] public static extern IntPtr kv_open(IntPtr path);
        [DllImport(Library)] public static extern void kv_close(IntPtr db);
        [DllImport(Library)] public static extern int kv_put(IntPtr db, IntPtr key, IntPtr value, UIntPtr len);
        [DllImport(Library)] public static extern int kv_get(IntPtr db, IntPtr key, IntPtr buffer, UIntPtr capacity);
    }
}
