#nullable enable
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BlackBox.ComAndHandles
{
    internal static class Native
    {
        [DllImport("native")] public static extern int use(IntPtr itf);
        [DllImport("kernel32", SetLastError = true)] public static extern bool ReadFile(SafeFileHandle file, byte[] buffer, int size, out int read, IntPtr overlapped);
    }

    internal sealed class NativeBlock : SafeHandleZeroOrMinusOneIsInvalid
    {
        public NativeBlock(int size) : this(Marshal.AllocHGlobal(size)) { }

        private NativeBlock(IntPtr memory) : base(true) { SetHandle(memory); }

        protected override bool ReleaseHandle()
        {
            Marshal.FreeHGlobal(handle);
            return true;
        }
    }

    internal sealed class ComPointer : IDisposable
    {
        private IntPtr _itf;

        public ComPointer(object o)
        {
            _itf = Marshal.GetIUnknownForObject(o);
        }

        public IntPtr Detach()
        {
            IntPtr itf = _itf;
            _itf = IntPtr.Zero;
            return itf;
        }

        public void Dispose()
        {
            IntPtr itf = System.Threading.Interlocked.Exchange(ref _itf, IntPtr.Zero);
            if (itf != IntPtr.Zero) Marshal.Release(itf);
        }

        ~ComPointer() => Dispose();
    }

    internal static class Correct
    {
        public static int QueryBoth(IntPtr unknown, Guid first, Guid second)
        {
            int hr = Marshal.QueryInterface(unknown, in first, out IntPtr a);
            if (hr != 0) return hr;
            try
            {
                hr = Marshal.QueryInterface(unknown, in second, out IntPtr b);
                if (hr == 0)
                {
                    Native.use(b);
                    Marshal.Release(b);
                }
                return Native.use(a);
            }
            finally
            {
                Marshal.Release(a);
            }
        }

        public static int ReleaseAll(object[] objects)
        {
            var pointers = new IntPtr[objects.Length];
            for (int i = 0; i < objects.Length; i++) pointers[i] = Marshal.GetIUnknownForObject(objects[i]);
            int total = 0;
            foreach (var p in pointers)
            {
                total += Native.use(p);
                Marshal.Release(p);
            }
            return total;
        }

        public static int ReadBlock(int size)
        {
            using var block = new NativeBlock(size);
            return Marshal.ReadInt32(block.DangerousGetHandle());
        }

        public static int ReadFile(SafeFileHandle file, byte[] buffer)
        {
            if (!Native.ReadFile(file, buffer, buffer.Length, out int read, IntPtr.Zero))
                return -Marshal.GetLastWin32Error();
            return read;
        }

        public static int Classify(object value, int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                switch (value)
                {
                    case string s when s.Length == 0:
                        return 0;
                    case string s:
                        Marshal.Copy(s.ToCharArray(), 0, p, Math.Min(s.Length, size / 2));
                        return 1;
                    case int n:
                        Marshal.WriteInt32(p, n);
                        return 2;
                    default:
                        return -1;
                }
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        }

        public static IntPtr Handoff(object o)
        {
            using var pointer = new ComPointer(o);
            return pointer.Detach();
        }
    }

    internal static class Buggy
    {
        public static int QueryTwiceIntoOneVariable(IntPtr unknown, Guid first, Guid second)
        {
            int hr = {|#1:Marshal.QueryInterface(unknown, in first, out IntPtr itf)|};
            if (hr != 0) return hr;
            Native.use(itf);
            hr = {|#0:Marshal.QueryInterface(unknown, in second, out itf)|}; // expect KL0004 0 1
            if (hr != 0) return hr;
            Native.use(itf);
            Marshal.Release(itf);
            return 0;
        }

        public static void HandleReplacedInLoop(object[] targets)
        {
            GCHandle h = default;
            foreach (var target in targets)
            {
                h = {|#2:GCHandle.Alloc(target, GCHandleType.Pinned)|}; // expect KL0004 2
                Native.use(h.AddrOfPinnedObject());
            }
            if (h.IsAllocated) h.Free();
        }

        public static int SwitchCaseForgetsRelease(object value, IntPtr unknown)
        {
            IntPtr itf = {|#5:Marshal.GetIUnknownForObject(value)|};
            switch (value)
            {
                case string:
                    Marshal.Release(itf);
                    return 1;
                case int:
                    {|#4:return 2;|} // expect KL0001 4 5
                default:
                    Marshal.Release(itf);
                    return 0;
            }
        }

        public static int ReleasedThenUsed(object o)
        {
            IntPtr unknown = {|#7:Marshal.GetIUnknownForObject(o)|};
            int rc = Native.use(unknown);
            Marshal.Release(unknown);
            if (rc != 0) return {|#6:Native.use(unknown)|}; // expect KL0003 6 7
            return 0;
        }

        public static void AlignedRealloc(int size)
        {
            unsafe
            {
                void* p = {|#9:NativeMemory.AlignedAlloc((nuint)size, 16)|};
                void* bigger = NativeMemory.AlignedRealloc(p, (nuint)(2 * size), 16);
                Native.use((IntPtr)bigger);
                {|#8:NativeMemory.AlignedFree(p)|}; // expect KL0002 8 9
                NativeMemory.AlignedFree(bigger);
            }
        }
    }
}
