using System;
using System.Runtime.InteropServices;

namespace CorrectInterop
{
    public static class ComReferences
    {
        public static bool Supports(object o, Guid iid)
        {
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            try
            {
                if (Marshal.QueryInterface(unknown, in iid, out IntPtr itf) != 0) return false;
                Marshal.Release(itf);
                return true;
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }
    }

    public static unsafe class NativeBuffers
    {
        public static long Sum(int count)
        {
            long* values = (long*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(long));
            try
            {
                var span = new Span<long>(values, count);
                span.Fill(2);
                long total = 0;
                foreach (var v in span) total += v;
                return Checked(total);
            }
            finally
            {
                NativeMemory.Free(values);
            }
        }

        public static void Aligned()
        {
            void* p = NativeMemory.AlignedAlloc(256, 64);
            NativeMemory.Clear(p, 256);
            NativeMemory.AlignedFree(p);
        }

        private static long Checked(long total) => total >= 0 ? total : throw new OverflowException();
    }
}
