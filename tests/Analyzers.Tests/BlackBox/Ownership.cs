#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;

namespace BlackBox.Ownership
{
    internal static class Native
    {
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
    }

    internal sealed class NativeBuffer : IDisposable
    {
        private IntPtr _memory;
        private readonly int _size;

        public NativeBuffer(int size)
        {
            _size = size;
            _memory = Marshal.AllocHGlobal(size);
        }

        public IntPtr Pointer => _memory;

        public int Size => _size;

        public void Resize(int size)
        {
            _memory = Marshal.ReAllocHGlobal(_memory, (IntPtr)size);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        private void Dispose(bool disposing)
        {
            if (_memory != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(_memory);
                _memory = IntPtr.Zero;
            }
        }

        ~NativeBuffer() => Dispose(false);
    }

    internal sealed class NativeString : IDisposable
    {
        private IntPtr _text;

        public string? Value
        {
            get => Marshal.PtrToStringUni(_text);
            set
            {
                if (_text != IntPtr.Zero) Marshal.FreeHGlobal(_text);
                _text = value is null ? IntPtr.Zero : Marshal.StringToHGlobalUni(value);
            }
        }

        public void Dispose()
        {
            Marshal.FreeHGlobal(_text);
            _text = IntPtr.Zero;
        }
    }

    internal sealed class Message
    {
        private readonly IntPtr _payload;

        public Message(string text)
        {
            IntPtr p = Marshal.StringToHGlobalAnsi(text);
            _payload = p;
        }

        public IntPtr Payload => _payload;
    }

    internal struct Block
    {
        public IntPtr Data;
        public int Length;
    }

    internal static class Correct
    {
        public static int TryCreate(int size, out IntPtr buffer)
        {
            buffer = Marshal.AllocHGlobal(size);
            if (Native.fill(buffer, size) != 0)
            {
                Marshal.FreeHGlobal(buffer);
                buffer = IntPtr.Zero;
                return -1;
            }
            return 0;
        }

        public static int TryCreateLocal(int size, out IntPtr buffer)
        {
            buffer = IntPtr.Zero;
            IntPtr p = Marshal.AllocHGlobal(size);
            if (Native.fill(p, size) != 0)
            {
                Marshal.FreeHGlobal(p);
                return -1;
            }
            buffer = p;
            return 0;
        }

        public static void Replace(ref IntPtr slot, int size)
        {
            IntPtr old = slot;
            slot = Marshal.AllocHGlobal(size);
            if (old != IntPtr.Zero) Marshal.FreeHGlobal(old);
        }

        public static int UseSlot(int size)
        {
            IntPtr p = IntPtr.Zero;
            ref IntPtr slot = ref p;
            slot = Marshal.AllocHGlobal(size);
            int rc = Native.fill(p, size);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static Block MakeBlock(int length)
        {
            return new Block { Data = Marshal.AllocHGlobal(length), Length = length };
        }

        public static int UseBlock(int length)
        {
            Block block = MakeBlock(length);
            try
            {
                return Native.fill(block.Data, block.Length);
            }
            finally
            {
                Marshal.FreeHGlobal(block.Data);
            }
        }

        public static int UseBuffer(int size)
        {
            using var buffer = new NativeBuffer(size);
            return Native.fill(buffer.Pointer, buffer.Size);
        }

        public static IntPtr Allocate(int size) => Marshal.AllocHGlobal(size);

        public static int UseAllocate(int size)
        {
            IntPtr p = Allocate(size);
            try
            {
                return Native.fill(p, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        }
    }

    internal static class Buggy
    {
        public static int TryCreateLeak(int size, out IntPtr buffer)
        {
            buffer = IntPtr.Zero;
            IntPtr p = {|#1:Marshal.AllocHGlobal(size)|};
            if (Native.fill(p, size) != 0)
                {|#0:return -1;|} // expect KL0001 0 1
            buffer = p;
            return 0;
        }

        public static int AllocatedByHelperLeaked(int size)
        {
            IntPtr p = {|#3:Correct.Allocate(size)|};
            int rc = Native.fill(p, size);
            if (rc != 0)
                {|#2:return rc;|} // expect KL0001 2 3
            Marshal.FreeHGlobal(p);
            return 0;
        }

        public static int BlockLeaked(int length)
        {
            Block block = Correct.MakeBlock(length);
            return Native.fill(block.Data, block.Length); // known-miss KL0001: a summary does not carry a resource in a field of a returned struct
        }
    }

    internal sealed class Connection
    {
        private readonly IntPtr _name;

        public Connection(string name)
        {
            IntPtr p = {|#7:Marshal.StringToHGlobalAnsi(name)|};
            if (Native.fill(p, name.Length) != 0)
                {|#6:throw new IOException("cannot open " + name);|} // expect KL0101 6 7
            _name = p;
        }

        public IntPtr Name => _name;
    }
}
