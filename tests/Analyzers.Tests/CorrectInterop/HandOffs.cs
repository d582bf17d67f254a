using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace CorrectInterop
{
    internal static class HandOffNative
    {
        [DllImport("native")] public static extern int init(IntPtr buffer, int size);
    }

    /// <summary>Owns native memory it is given: the factories below hand theirs to it.</summary>
    public sealed class NativeBuffer : IDisposable
    {
        private IntPtr _memory;

        public NativeBuffer(IntPtr memory) { _memory = memory; }

        public void Dispose()
        {
            if (_memory != IntPtr.Zero) { Marshal.FreeHGlobal(_memory); _memory = IntPtr.Zero; }
        }
    }

    /// <summary>Allocate, initialize with code that may throw, then hand the memory to the caller or to an owner.</summary>
    public static class HandOffs
    {
        public static IntPtr Allocate(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                Initialize(p, size);
            }
            catch
            {
                Marshal.FreeHGlobal(p);
                throw;
            }
            return p;
        }

        public static NativeBuffer Wrap(int size)
        {
            IntPtr h = Marshal.AllocHGlobal(size);
            try
            {
                Initialize(h, size);
                return new NativeBuffer(h);
            }
            catch
            {
                Marshal.FreeHGlobal(h);
                throw;
            }
        }

        public static async Task<IntPtr> AllocateLater(int size, Task ready)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                await ready.ConfigureAwait(false);
            }
            catch
            {
                Marshal.FreeHGlobal(p);
                throw;
            }
            return p;
        }

        // Nothing that can throw between the allocation and the hand-off.
        public static IntPtr Plain(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            HandOffNative.init(p, size);
            return p;
        }

        // If the constructor throws, whether it took the memory first is its own business.
        public static NativeBuffer Owned(int size) => new NativeBuffer(Marshal.AllocHGlobal(size));

        private static void Initialize(IntPtr p, int size)
        {
            if (HandOffNative.init(p, size) != 0) throw new InvalidOperationException("init failed");
        }
    }
}
