#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace BlackBox.MoreShapes
{
    internal static class Native
    {
        [DllImport("native")] public static extern int write(IntPtr handle, IntPtr data, int size);
        [DllImport("native")] public static extern int read(IntPtr data, int size);
    }

    internal sealed class LazyBuffer : IDisposable
    {
        private IntPtr _buffer;
        private int _disposed;
        private readonly Action _cleanup;

        public LazyBuffer()
        {
            _cleanup = () => Marshal.FreeHGlobal(Interlocked.Exchange(ref _buffer, IntPtr.Zero));
        }

        public IntPtr Buffer => _buffer != IntPtr.Zero ? _buffer : (_buffer = Marshal.AllocHGlobal(64));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            IntPtr p = Interlocked.Exchange(ref _buffer, IntPtr.Zero);
            if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
        }

        public void Reset() => _cleanup();
    }

    internal static class Correct
    {
        public static IEnumerable<int> ReadAll(int count)
        {
            IntPtr p = Marshal.AllocHGlobal(sizeof(int));
            try
            {
                for (int i = 0; i < count; i++)
                {
                    Native.read(p, sizeof(int));
                    yield return Marshal.ReadInt32(p);
                }
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        }

        public static int Aliased(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            IntPtr q = p;
            int rc = Native.read(q, size);
            Marshal.FreeHGlobal(q);
            return rc;
        }

        public static int Offset(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size + 4);
            try
            {
                Marshal.WriteInt32(p, size);
                return Native.read(IntPtr.Add(p, 4), size) + Native.read(p + 4, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        }

        public static Func<Task> Deferred(int size) => async () =>
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                await Task.Delay(1);
                Native.read(p, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        };

        public static unsafe int Pinned(byte[] data, SafeHandle target)
        {
            fixed (byte* p = data)
            {
                bool added = false;
                try
                {
                    target.DangerousAddRef(ref added);
                    return Native.write(target.DangerousGetHandle(), (IntPtr)p, data.Length);
                }
                finally
                {
                    if (added) target.DangerousRelease();
                }
            }
        }

        public static int TwoResources(string a, string b)
        {
            IntPtr first = IntPtr.Zero, second = IntPtr.Zero;
            try
            {
                first = Marshal.StringToCoTaskMemUTF8(a);
                second = Marshal.StringToCoTaskMemUTF8(b);
                return Native.read(first, a.Length) + Native.read(second, b.Length);
            }
            finally
            {
                Marshal.FreeCoTaskMem(second);
                Marshal.FreeCoTaskMem(first);
            }
        }

        public static IntPtr[] Batch(int count, int size)
        {
            var blocks = new IntPtr[count];
            for (int i = 0; i < count; i++) blocks[i] = Marshal.AllocHGlobal(size);
            return blocks;
        }

        public static void FreeBatch(IntPtr[] blocks)
        {
            foreach (var block in blocks) Marshal.FreeHGlobal(block);
        }

        public static int Retry(int size, int attempts)
        {
            for (int i = 0; i < attempts; i++)
            {
                IntPtr p = Marshal.AllocHGlobal(size);
                int rc = Native.read(p, size);
                Marshal.FreeHGlobal(p);
                if (rc == 0) return i;
            }
            return -1;
        }
    }

    internal static class Buggy
    {
        public static void SafeHandleMemoryFreedByHand(SafeHandle handle)
        {
            Native.write(handle.DangerousGetHandle(), IntPtr.Zero, 0);
            {|#14:Marshal.FreeHGlobal(handle.DangerousGetHandle())|}; // expect KL0005 14
        }

        public static void PinnedArrayFreed(byte[] data)
        {
            GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
            IntPtr address = pin.AddrOfPinnedObject();
            Native.read(address, data.Length);
            {|#15:Marshal.FreeHGlobal(address)|}; // expect KL0005 15
            pin.Free();
        }

        public static int FreedThroughTheAlias(int size)
        {
            IntPtr p = {|#1:Marshal.AllocHGlobal(size)|};
            IntPtr q = p;
            Marshal.FreeHGlobal(q);
            return {|#0:Native.read(p, size)|}; // expect KL0003 0 1
        }

        public static void FreedTwiceThroughTwoNames(int size)
        {
            IntPtr p = {|#3:Marshal.AllocHGlobal(size)|};
            IntPtr copy = p;
            Marshal.FreeHGlobal(p);
            {|#2:Marshal.FreeHGlobal(copy)|}; // expect KL0002 2 3
        }

        public static int OffsetAfterFree(int size)
        {
            IntPtr p = {|#5:Marshal.AllocHGlobal(size + 4)|};
            Marshal.FreeHGlobal(p);
            return Marshal.ReadInt32({|#4:IntPtr.Add(p, 4)|}); // expect KL0003 4 5
        }

        public static IEnumerable<int> IteratorLeak(int count)
        {
            IntPtr p = {|#7:Marshal.AllocHGlobal(sizeof(int))|};
            for (int i = 0; i < count; i++)
            {
                Native.read(p, sizeof(int));
                yield return Marshal.ReadInt32(p);
            }
        {|#6:}|} // expect KL0001 6 7

        public static Func<Task> AsyncLambdaWithoutFinally(int size) => async () =>
        {
            IntPtr p = {|#9:Marshal.AllocHGlobal(size)|};
            await {|#8:Task.Delay(1)|}; // expect KL0101 8 9
            Native.read(p, size);
            Marshal.FreeHGlobal(p);
        };

        public static int RetryLeaksOnSuccess(int size, int attempts)
        {
            for (int i = 0; i < attempts; i++)
            {
                IntPtr p = {|#11:Marshal.AllocHGlobal(size)|};
                if (Native.read(p, size) == 0) {|#10:return i;|} // expect KL0001 10 11
                Marshal.FreeHGlobal(p);
            }
            return -1;
        }

        public static unsafe void StackMemoryFreed()
        {
            byte* scratch = stackalloc byte[64];
            Native.read((IntPtr)scratch, 64);
            NativeMemory.Free(scratch); // known-miss KL0005: stack memory is not NativeMemory's to free
        }

        public static int SecondAllocationLeaksFirstOnFailure(string a, string b)
        {
            IntPtr first = {|#13:Marshal.StringToHGlobalUni(a)|};
            IntPtr second = Marshal.StringToHGlobalUni(b);
            if (second == IntPtr.Zero)
                {|#12:return -1;|} // expect KL0001 12 13
            int rc = Native.read(first, a.Length) + Native.read(second, b.Length);
            Marshal.FreeHGlobal(second);
            Marshal.FreeHGlobal(first);
            return rc;
        }
    }
}
