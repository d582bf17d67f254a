using System;
using System.Runtime.InteropServices;

namespace KvStore
{
    /// <summary>
    /// A wrapper over libkv with the interop mistakes KLeakLint finds (each marked with the rule it breaks; EXPECTED
    /// lists them) next to methods that get it right.
    /// </summary>
    public sealed class Store : IDisposable
    {
        private IntPtr _db;

        public Store(string path)
        {
            IntPtr nativePath = Marshal.StringToHGlobalAnsi(path);
            try
            {
                _db = Native.kv_open(nativePath);
            }
            finally
            {
                Marshal.FreeHGlobal(nativePath);
            }
            if (_db == IntPtr.Zero) throw new InvalidOperationException("kv_open failed: " + path);
        }

        /// <summary>KL0001 twice: the error return keeps both the key copy and the pinned value.</summary>
        public bool Put(string key, byte[] value)
        {
            IntPtr nativeKey = Marshal.StringToHGlobalAnsi(key);
            GCHandle pinned = GCHandle.Alloc(value, GCHandleType.Pinned);
            int rc = Native.kv_put(_db, nativeKey, pinned.AddrOfPinnedObject(), (UIntPtr)value.Length);
            if (rc != 0)
                return false;
            pinned.Free();
            Marshal.FreeHGlobal(nativeKey);
            return true;
        }

        /// <summary>KL0003: the buffer is read after it was freed.</summary>
        public byte FirstByte(string key)
        {
            IntPtr nativeKey = Marshal.StringToCoTaskMemUTF8(key);
            IntPtr buffer = Marshal.AllocHGlobal(1);
            Native.kv_get(_db, nativeKey, buffer, (UIntPtr)1);
            Marshal.FreeCoTaskMem(nativeKey);
            Marshal.FreeHGlobal(buffer);
            return Marshal.ReadByte(buffer);
        }

        /// <summary>KL0002: the error path frees the key, then falls through to the common free.</summary>
        public int Length(string key)
        {
            IntPtr nativeKey = Marshal.StringToHGlobalUni(key);
            int length = Native.kv_get(_db, nativeKey, IntPtr.Zero, UIntPtr.Zero);
            if (length < 0)
                Marshal.FreeHGlobal(nativeKey);
            Marshal.FreeHGlobal(nativeKey);
            return length;
        }

        /// <summary>KL0004: the first buffer is lost when the second one is allocated into the same variable.</summary>
        public byte[] Get(string key, int capacity)
        {
            IntPtr buffer = Marshal.AllocHGlobal(capacity);
            buffer = Marshal.AllocHGlobal(capacity * 2);
            IntPtr nativeKey = Marshal.StringToHGlobalAnsi(key);
            try
            {
                int length = Native.kv_get(_db, nativeKey, buffer, (UIntPtr)(capacity * 2));
                byte[] result = new byte[Math.Max(length, 0)];
                Marshal.Copy(buffer, result, 0, result.Length);
                return result;
            }
            finally
            {
                Marshal.FreeHGlobal(nativeKey);
                Marshal.FreeHGlobal(buffer);
            }
        }

        /// <summary>KL0001: a store that opens but has no key is never closed (kv_open/kv_close come from kv.kleaklint.spec).</summary>
        public static bool HasKey(string path, string key)
        {
            IntPtr nativePath = Marshal.StringToHGlobalAnsi(path);
            IntPtr db = Native.kv_open(nativePath);
            Marshal.FreeHGlobal(nativePath);
            if (db == IntPtr.Zero)
                return false;
            using var store = new Store(path);
            if (!store.Contains(key))
                return false;
            Native.kv_close(db);
            return true;
        }

        /// <summary>Correct: every path frees what it allocated, exceptions included.</summary>
        public bool Contains(string key)
        {
            IntPtr nativeKey = Marshal.StringToHGlobalAnsi(key);
            try
            {
                return Native.kv_get(_db, nativeKey, IntPtr.Zero, UIntPtr.Zero) >= 0;
            }
            finally
            {
                Marshal.FreeHGlobal(nativeKey);
            }
        }

        public void Dispose()
        {
            if (_db == IntPtr.Zero) return;
            Native.kv_close(_db);
            _db = IntPtr.Zero;
        }
    }
}
