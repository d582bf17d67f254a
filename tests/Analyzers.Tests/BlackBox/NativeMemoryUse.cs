#nullable enable
using System;
using System.Runtime.InteropServices;

namespace BlackBox.NativeMemoryUse
{
    internal static unsafe class Native
    {
        [DllImport("native")] public static extern int fill(byte* buffer, int size);
        [DllImport("native")] public static extern int process(void* data, nuint size);
    }

    internal struct Header
    {
        public int Size;
        public int Kind;
    }

    internal static unsafe class Correct
    {
        public static int Sum(int count)
        {
            int* values = (int*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(int));
            try
            {
                var span = new Span<int>(values, count);
                span.Fill(1);
                int total = 0;
                foreach (var v in span) total += v;
                return total;
            }
            finally
            {
                NativeMemory.Free(values);
            }
        }

        public static int Scratch(int size)
        {
            byte* heap = null;
            Span<byte> buffer = size <= 128 ? stackalloc byte[128] : new Span<byte>(heap = (byte*)NativeMemory.Alloc((nuint)size), size);
            try
            {
                buffer.Clear();
                fixed (byte* p = buffer)
                {
                    return Native.fill(p, buffer.Length);
                }
            }
            finally
            {
                NativeMemory.Free(heap);
            }
        }

        public static int Aligned(int size)
        {
            void* block = NativeMemory.AlignedAlloc((nuint)size, 64);
            if (block == null) return -1;
            int rc = Native.process(block, (nuint)size);
            NativeMemory.AlignedFree(block);
            return rc;
        }

        public static int HeaderRoundTrip(int kind)
        {
            Header* h = (Header*)NativeMemory.AllocZeroed((nuint)sizeof(Header));
            h->Size = sizeof(Header);
            h->Kind = kind;
            int rc = Native.process(h, (nuint)sizeof(Header));
            int size = h->Size;
            NativeMemory.Free(h);
            return rc == 0 ? size : rc;
        }

        public static void CopyIn(byte[] data)
        {
            byte* dst = (byte*)NativeMemory.Alloc((nuint)data.Length);
            fixed (byte* src = data)
            {
                Buffer.MemoryCopy(src, dst, data.Length, data.Length);
            }
            Native.fill(dst, data.Length);
            NativeMemory.Free(dst);
        }

        public static int Grow(int steps)
        {
            nuint size = 16;
            void* p = NativeMemory.Alloc(size);
            for (int i = 0; i < steps; i++)
            {
                size *= 2;
                p = NativeMemory.Realloc(p, size);
            }
            int rc = Native.process(p, size);
            NativeMemory.Free(p);
            return rc;
        }
    }

    internal static unsafe class Buggy
    {
        public static int LeakOnError(int size)
        {
            byte* p = (byte*){|#1:NativeMemory.Alloc((nuint)size)|};
            if (Native.fill(p, size) < 0)
                {|#0:return -1;|} // expect KL0001 0 1
            int first = p[0];
            NativeMemory.Free(p);
            return first;
        }

        public static void AlignedFreedWithFree(int size)
        {
            void* block = {|#3:NativeMemory.AlignedAlloc((nuint)size, 32)|};
            Native.process(block, (nuint)size);
            {|#2:NativeMemory.Free(block)|}; // expect KL0005 2 3
        }

        public static int SpanAfterFree(int count)
        {
            int* values = (int*){|#5:NativeMemory.AllocZeroed((nuint)count, sizeof(int))|};
            NativeMemory.Free(values);
            return {|#4:values[0]|}; // expect KL0003 4 5
        }

        public static void DoubleFree(int size, bool retry)
        {
            byte* p = (byte*){|#7:NativeMemory.Alloc((nuint)size)|};
            if (Native.fill(p, size) < 0 && retry)
                NativeMemory.Free(p);
            {|#6:NativeMemory.Free(p)|}; // expect KL0002 6 7
        }

        public static void OverwrittenInLoop(int count)
        {
            void* p = {|#9:NativeMemory.Alloc(64)|};
            for (int i = 0; i < count; i++)
            {
                Native.process(p, 64);
            }
            p = {|#8:NativeMemory.Alloc(128)|}; // expect KL0004 8 9
            Native.process(p, 128);
            NativeMemory.Free(p);
        }
    }
}
