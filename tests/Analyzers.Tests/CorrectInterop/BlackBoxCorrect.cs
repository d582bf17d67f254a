// The correct half of the black-box sweep (tests/Analyzers.Tests/BlackBox): every wrapper family, no diagnostic.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace BlackBox.CoTaskMemAndStrings
{
    internal static class Native
    {
        [DllImport("native")] public static extern int put_name(IntPtr name);
        [DllImport("native")] public static extern int get_name(IntPtr buffer, int size);
        [DllImport("native")] public static extern int login(IntPtr user, IntPtr password);
        [DllImport("oleaut32")] public static extern int SysStringLen(IntPtr bstr);
    }

    internal static class Correct
    {
        public static string Echo(string text)
        {
            IntPtr s = Marshal.StringToCoTaskMemUTF8(text);
            try
            {
                Native.put_name(s);
                return Marshal.PtrToStringUTF8(s) ?? string.Empty;
            }
            finally
            {
                Marshal.FreeCoTaskMem(s);
            }
        }

        public static string? ReadName()
        {
            const int size = 256;
            IntPtr buffer = Marshal.AllocCoTaskMem(size);
            if (Native.get_name(buffer, size) < 0)
            {
                Marshal.FreeCoTaskMem(buffer);
                return null;
            }
            string? name = Marshal.PtrToStringUni(buffer);
            Marshal.FreeCoTaskMem(buffer);
            return name;
        }

        public static int BstrLength(string text)
        {
            IntPtr bstr = Marshal.StringToBSTR(text);
            try
            {
                return Native.SysStringLen(bstr);
            }
            finally
            {
                Marshal.FreeBSTR(bstr);
            }
        }

        public static int Login(string user, SecureString password)
        {
            IntPtr u = IntPtr.Zero;
            IntPtr pw = IntPtr.Zero;
            try
            {
                u = Marshal.StringToCoTaskMemUni(user);
                pw = Marshal.SecureStringToCoTaskMemUnicode(password);
                return Native.login(u, pw);
            }
            finally
            {
                if (pw != IntPtr.Zero) Marshal.ZeroFreeCoTaskMemUnicode(pw);
                if (u != IntPtr.Zero) Marshal.FreeCoTaskMem(u);
            }
        }

        public static int LoginGlobal(SecureString password)
        {
            IntPtr pw = Marshal.SecureStringToGlobalAllocAnsi(password);
            int rc = Native.login(IntPtr.Zero, pw);
            Marshal.ZeroFreeGlobalAllocAnsi(pw);
            return rc;
        }

        public static IntPtr NameForNative(string name)
        {
            // The native side frees it with CoTaskMemFree: the caller hands it over.
            return Marshal.StringToCoTaskMemAuto(name);
        }

        public static int AnsiOrEmpty(string? text)
        {
            IntPtr p = text is null ? IntPtr.Zero : Marshal.StringToCoTaskMemAnsi(text);
            try
            {
                return Native.put_name(p);
            }
            finally
            {
                if (p != IntPtr.Zero) Marshal.FreeCoTaskMem(p);
            }
        }
    }

}

namespace BlackBox.Com
{
    [ComVisible(true)]
    [Guid("7d5f2b8e-3c4a-4f1b-9e6d-2a8c0b1e4f37")]
    [InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface IWidget
    {
        void Poke();
    }

    internal static class Native
    {
        [DllImport("native")] public static extern int use_interface(IntPtr itf);
        [DllImport("native")] public static extern IntPtr get_current_unknown();
    }

    internal sealed class ComRef : IDisposable
    {
        private IntPtr _unknown;

        public ComRef(IntPtr unknown)
        {
            Marshal.AddRef(unknown);
            _unknown = unknown;
        }

        public void Dispose()
        {
            if (_unknown != IntPtr.Zero)
            {
                Marshal.Release(_unknown);
                _unknown = IntPtr.Zero;
            }
        }
    }

    internal static class Correct
    {
        private static readonly Guid IidWidget = new Guid("7d5f2b8e-3c4a-4f1b-9e6d-2a8c0b1e4f37");

        public static int UseWidget(IntPtr unknown)
        {
            Guid iid = IidWidget;
            int hr = Marshal.QueryInterface(unknown, in iid, out IntPtr widget);
            if (hr < 0) return hr;
            try
            {
                return Native.use_interface(widget);
            }
            finally
            {
                Marshal.Release(widget);
            }
        }

        public static int UseWidgetSucceeded(IntPtr unknown)
        {
            Guid iid = IidWidget;
            if (Marshal.QueryInterface(unknown, in iid, out IntPtr widget) != 0)
                return -1;
            int rc = Native.use_interface(widget);
            Marshal.Release(widget);
            return rc;
        }

        public static int PassObject(object o)
        {
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            try
            {
                return Native.use_interface(unknown);
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }

        public static int PassInterface(IWidget widget)
        {
            IntPtr itf = Marshal.GetComInterfaceForObject<IWidget, IWidget>(widget);
            int rc = Native.use_interface(itf);
            Marshal.Release(itf);
            return rc;
        }

        public static void Borrow(IntPtr unknown)
        {
            Marshal.AddRef(unknown);
            try
            {
                Native.use_interface(unknown);
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }

        public static IntPtr Detach(object o)
        {
            // The caller owns the returned reference.
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            return unknown;
        }

        public static void ThrowOnFailure(IntPtr unknown)
        {
            Guid iid = IidWidget;
            int hr = Marshal.QueryInterface(unknown, in iid, out IntPtr widget);
            Marshal.ThrowExceptionForHR(hr);
            Native.use_interface(widget);
            Marshal.Release(widget);
        }
    }

}

namespace BlackBox.GCHandles
{
    internal static class Native
    {
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
        [DllImport("native")] public static extern void set_callback(IntPtr context);
        [DllImport("native")] public static extern IntPtr clear_callback();
    }

    internal sealed class Subscription : IDisposable
    {
        private GCHandle _self;

        public Subscription()
        {
            _self = GCHandle.Alloc(this);
            Native.set_callback(GCHandle.ToIntPtr(_self));
        }

        public static void OnEvent(IntPtr context)
        {
            var target = GCHandle.FromIntPtr(context).Target as Subscription;
            target?.Raise();
        }

        private void Raise() { }

        public void Dispose()
        {
            if (_self.IsAllocated)
            {
                Native.clear_callback();
                _self.Free();
            }
        }
    }

    internal static class Correct
    {
        public static int FillPinned(byte[] data)
        {
            GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                return Native.fill(handle.AddrOfPinnedObject(), data.Length);
            }
            finally
            {
                handle.Free();
            }
        }

        public static int FillPinnedDefault(byte[] data)
        {
            GCHandle handle = default;
            try
            {
                handle = GCHandle.Alloc(data, GCHandleType.Pinned);
                return Native.fill(handle.AddrOfPinnedObject(), data.Length);
            }
            finally
            {
                if (handle.IsAllocated) handle.Free();
            }
        }

        public static void Register(object state)
        {
            var handle = GCHandle.Alloc(state);
            Native.set_callback(GCHandle.ToIntPtr(handle));
        }

        public static void Unregister()
        {
            IntPtr cookie = Native.clear_callback();
            if (cookie == IntPtr.Zero) return;
            GCHandle.FromIntPtr(cookie).Free();
        }

        public static void FreeOnceThenGuarded(byte[] data, bool early)
        {
            GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            Native.fill(handle.AddrOfPinnedObject(), data.Length);
            if (early) handle.Free();
            if (handle.IsAllocated) handle.Free();
        }

        public static int Weak(object target)
        {
            var weak = GCHandle.Alloc(target, GCHandleType.Weak);
            try
            {
                return weak.Target is null ? 0 : 1;
            }
            finally
            {
                weak.Free();
            }
        }
    }

}

namespace BlackBox.HGlobal
{
    internal static class Native
    {
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
        [DllImport("native")] public static extern int send(IntPtr text);
        [DllImport("native")] public static extern int send_all(IntPtr[] texts, int count);
    }

    internal static class Correct
    {
        public static int ReadHeader(int size)
        {
            IntPtr buffer = Marshal.AllocHGlobal(size);
            try
            {
                if (Native.fill(buffer, size) != 0) return -1;
                if (size < 4) return 0;
                return Marshal.ReadInt32(buffer);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        public static int SendText(string text)
        {
            IntPtr p = Marshal.StringToHGlobalAnsi(text);
            int rc = Native.send(p);
            if (rc < 0)
            {
                Marshal.FreeHGlobal(p);
                return rc;
            }
            rc = Native.fill(p, text.Length);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static int MaybeBuffer(int size)
        {
            IntPtr p = size > 0 ? Marshal.AllocHGlobal(size) : IntPtr.Zero;
            int rc = Native.fill(p, size);
            if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            return rc;
        }

        public static int SendEach(IEnumerable<string> lines)
        {
            int sent = 0;
            foreach (var line in lines)
            {
                IntPtr p = Marshal.StringToHGlobalUni(line);
                try
                {
                    if (Native.send(p) != 0) continue;
                    sent++;
                }
                finally
                {
                    Marshal.FreeHGlobal(p);
                }
            }
            return sent;
        }

        public static int SendAll(string[] items)
        {
            var pointers = new IntPtr[items.Length];
            try
            {
                for (int i = 0; i < items.Length; i++)
                    pointers[i] = Marshal.StringToHGlobalAnsi(items[i]);
                return Native.send_all(pointers, pointers.Length);
            }
            finally
            {
                foreach (var p in pointers)
                    if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            }
        }

        public static byte[] ReadAll()
        {
            int capacity = 64;
            IntPtr buffer = Marshal.AllocHGlobal(capacity);
            try
            {
                int needed;
                while ((needed = Native.fill(buffer, capacity)) > capacity)
                {
                    capacity = needed;
                    buffer = Marshal.ReAllocHGlobal(buffer, (IntPtr)capacity);
                }
                var result = new byte[needed];
                Marshal.Copy(buffer, result, 0, needed);
                return result;
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        private static void FreeIfSet(IntPtr p)
        {
            if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
        }

        public static int WithHelper(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            int rc = Native.fill(p, size);
            FreeIfSet(p);
            return rc;
        }

        public static string? Format(int size)
        {
            IntPtr p = IntPtr.Zero;
            try
            {
                p = Marshal.AllocHGlobal(size);
                if (Native.fill(p, size) != 0) return null;
                return Marshal.PtrToStringAnsi(p);
            }
            finally
            {
                if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            }
        }

        public static IntPtr Prepared(string text)
        {
            IntPtr p = Marshal.StringToHGlobalAuto(text);
            try
            {
                Validate(p);
            }
            catch
            {
                Marshal.FreeHGlobal(p);
                throw;
            }
            return p;
        }

        private static void Validate(IntPtr p)
        {
            if (Native.send(p) != 0) throw new InvalidOperationException("rejected");
        }

        public static int Dispatch(int kind, int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            switch (kind)
            {
                case 0:
                    Marshal.FreeHGlobal(p);
                    return 0;
                case 1:
                    int rc = Native.fill(p, size);
                    Marshal.FreeHGlobal(p);
                    return rc;
                default:
                    Marshal.FreeHGlobal(p);
                    return -1;
            }
        }

        public static void Reuse(string first, string second)
        {
            IntPtr p = Marshal.StringToHGlobalAnsi(first);
            Native.send(p);
            Marshal.FreeHGlobal(p);
            p = Marshal.StringToHGlobalAnsi(second);
            Native.send(p);
            Marshal.FreeHGlobal(p);
        }
    }

}

namespace BlackBox.Mixed
{
    internal static class Native
    {
        [DllImport("native")] public static extern int send(IntPtr data, int size);
        [DllImport("native")] public static extern int register_callback(IntPtr fn, IntPtr context);
    }

    internal struct Point
    {
        public int X;
        public int Y;
    }

    internal struct NativeArray : IDisposable
    {
        private IntPtr _items;

        public NativeArray(int count) { _items = Marshal.AllocHGlobal(count * sizeof(int)); }

        public int this[int index] => Marshal.ReadInt32(_items, index * sizeof(int));

        public void Dispose()
        {
            if (_items != IntPtr.Zero) Marshal.FreeHGlobal(_items);
            _items = IntPtr.Zero;
        }
    }

    internal sealed class Registry : IDisposable
    {
        private static readonly IntPtr SharedScratch;
        private readonly Dictionary<int, IntPtr> _blocks = new Dictionary<int, IntPtr>();
        private GCHandle _callbackHandle;
        private readonly Action _callback;

        static Registry() { SharedScratch = Marshal.AllocHGlobal(64); }

        public Registry()
        {
            _callback = () => { };
            _callbackHandle = GCHandle.Alloc(_callback);
            Native.register_callback(Marshal.GetFunctionPointerForDelegate(_callback), GCHandle.ToIntPtr(_callbackHandle));
        }

        public void Add(int key, int size)
        {
            IntPtr block = Marshal.AllocHGlobal(size);
            if (_blocks.TryGetValue(key, out var old)) Marshal.FreeHGlobal(old);
            _blocks[key] = block;
        }

        public void Dispose()
        {
            foreach (var block in _blocks.Values) Marshal.FreeHGlobal(block);
            _blocks.Clear();
            if (_callbackHandle.IsAllocated) _callbackHandle.Free();
        }
    }

    internal static class Correct
    {
        public static Point RoundTrip(Point value)
        {
            IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf<Point>());
            try
            {
                Marshal.StructureToPtr(value, p, false);
                Native.send(p, Marshal.SizeOf<Point>());
                return Marshal.PtrToStructure<Point>(p);
            }
            finally
            {
                Marshal.DestroyStructure<Point>(p);
                Marshal.FreeHGlobal(p);
            }
        }

        public static unsafe int Bytes(int size)
        {
            byte* p = (byte*)Marshal.AllocHGlobal(size);
            for (int i = 0; i < size; i++) p[i] = (byte)i;
            int rc = Native.send((IntPtr)p, size);
            Marshal.FreeHGlobal((IntPtr)p);
            return rc;
        }

        public static int PinAll(byte[][] arrays)
        {
            var handles = new GCHandle[arrays.Length];
            try
            {
                for (int i = 0; i < arrays.Length; i++)
                    handles[i] = GCHandle.Alloc(arrays[i], GCHandleType.Pinned);
                int total = 0;
                foreach (var h in handles) total += Native.send(h.AddrOfPinnedObject(), 1);
                return total;
            }
            finally
            {
                foreach (var h in handles)
                    if (h.IsAllocated) h.Free();
            }
        }

        public static int Borrowed(IntPtr external, int size)
        {
            IntPtr p = external != IntPtr.Zero ? external : Marshal.AllocHGlobal(size);
            bool owned = external == IntPtr.Zero;
            try
            {
                return Native.send(p, size);
            }
            finally
            {
                if (owned) Marshal.FreeHGlobal(p);
            }
        }

        public static int Guarded(int size)
        {
            IntPtr p = IntPtr.Zero;
            try
            {
                try
                {
                    p = Marshal.AllocHGlobal(size);
                }
                catch (OutOfMemoryException)
                {
                    return -1;
                }
                return Native.send(p, size);
            }
            finally
            {
                if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            }
        }

        public static int Cleanup(int size, bool twice)
        {
            int rc = -1;
            IntPtr first = Marshal.AllocHGlobal(size);
            IntPtr second = IntPtr.Zero;
            if (Native.send(first, size) != 0) goto cleanup;
            second = Marshal.AllocHGlobal(size);
            if (twice && Native.send(second, size) != 0) goto cleanup;
            rc = 0;
        cleanup:
            if (second != IntPtr.Zero) Marshal.FreeHGlobal(second);
            Marshal.FreeHGlobal(first);
            return rc;
        }

        public static int DoWhile(Queue<string> lines)
        {
            int sent = 0;
            do
            {
                IntPtr p = Marshal.StringToHGlobalAnsi(lines.Dequeue());
                try
                {
                    if (Native.send(p, 0) < 0) continue;
                    sent++;
                }
                finally
                {
                    Marshal.FreeHGlobal(p);
                }
            } while (lines.Count > 0);
            return sent;
        }

        public static int UseArray(int count)
        {
            using var array = new NativeArray(count);
            return array[0];
        }

        public static unsafe long Stream(byte[] data)
        {
            IntPtr memory = Marshal.AllocHGlobal(data.Length);
            try
            {
                Marshal.Copy(data, 0, memory, data.Length);
                using var stream = new UnmanagedMemoryStream((byte*)memory, data.Length);
                return stream.Length;
            }
            finally
            {
                Marshal.FreeHGlobal(memory);
            }
        }

        public static Task<int> Offload(int size) => Task.Run(() =>
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try { return Native.send(p, size); }
            finally { Marshal.FreeHGlobal(p); }
        });

        private static readonly object Gate = new object();

        public static int Locked(int size)
        {
            lock (Gate)
            {
                IntPtr p = Marshal.AllocHGlobal(size);
                try { return Native.send(p, size); }
                finally { Marshal.FreeHGlobal(p); }
            }
        }

        public static object Wrap(object o)
        {
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            try
            {
                return Marshal.GetObjectForIUnknown(unknown);
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }
    }

}

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

}

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


}

namespace BlackBox.SafeHandleRefs
{
    internal static class Native
    {
        [DllImport("native")] public static extern int write(IntPtr handle, byte[] data, int size);
        [DllImport("native")] public static extern int read(SafeFileHandle handle, byte[] data, int size);
    }

    internal sealed class HGlobalHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public HGlobalHandle(int size) : base(true)
        {
            SetHandle(Marshal.AllocHGlobal(size));
        }

        protected override bool ReleaseHandle()
        {
            Marshal.FreeHGlobal(handle);
            return true;
        }
    }

    internal static class Correct
    {
        public static int Write(SafeHandle handle, byte[] data)
        {
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                return Native.write(handle.DangerousGetHandle(), data, data.Length);
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }

        public static int WriteAddRefOutside(SafeHandle handle, byte[] data)
        {
            bool added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return Native.write(handle.DangerousGetHandle(), data, data.Length);
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }

        public static int UseOwnedBuffer(int size)
        {
            using (var buffer = new HGlobalHandle(size))
            {
                return Marshal.ReadInt32(buffer.DangerousGetHandle());
            }
        }

        public static int ReadFile(SafeFileHandle file, byte[] data)
        {
            using var owned = file;
            return Native.read(owned, data, data.Length);
        }

        public static void WriteTwoHandles(SafeHandle first, SafeHandle second, byte[] data)
        {
            bool firstAdded = false, secondAdded = false;
            try
            {
                first.DangerousAddRef(ref firstAdded);
                second.DangerousAddRef(ref secondAdded);
                Native.write(first.DangerousGetHandle(), data, data.Length);
                Native.write(second.DangerousGetHandle(), data, data.Length);
            }
            finally
            {
                if (secondAdded) second.DangerousRelease();
                if (firstAdded) first.DangerousRelease();
            }
        }
    }

}

namespace BlackBox.Shapes
{
    internal static class Native
    {
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
    }

    internal static class Correct
    {
        public static async Task<int> FillLaterAsync(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                await Task.Yield();
                return Native.fill(p, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
        }

        public static async Task SendAsync(string text, Func<Task> flush)
        {
            await flush();
            IntPtr p = Marshal.StringToHGlobalUni(text);
            Native.fill(p, text.Length);
            Marshal.FreeHGlobal(p);
        }

        public static int WithLocalFunction(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            try
            {
                return Run();
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }

            int Run() => Native.fill(p, size);
        }

        public static int ReleasedByLocalFunction(int size)
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            int rc = Native.fill(p, size);
            Release();
            return rc;

            void Release() => Marshal.FreeHGlobal(p);
        }

        public static int[] Lengths(IEnumerable<string> items) =>
            items.Select(item =>
            {
                IntPtr p = Marshal.StringToCoTaskMemUTF8(item);
                try { return Native.fill(p, item.Length); }
                finally { Marshal.FreeCoTaskMem(p); }
            }).ToArray();

        public static Func<int, int> Filler() => size =>
        {
            IntPtr p = Marshal.AllocHGlobal(size);
            int rc = Native.fill(p, size);
            Marshal.FreeHGlobal(p);
            return rc;
        };

        public static int WhileLoop(Queue<int> sizes)
        {
            int total = 0;
            while (sizes.Count > 0)
            {
                int size = sizes.Dequeue();
                IntPtr p = Marshal.AllocHGlobal(size);
                if (Native.fill(p, size) != 0)
                {
                    Marshal.FreeHGlobal(p);
                    break;
                }
                total += Marshal.ReadByte(p);
                Marshal.FreeHGlobal(p);
            }
            return total;
        }

        public static int SwitchExpression(string mode, string text)
        {
            IntPtr p = mode switch
            {
                "ansi" => Marshal.StringToHGlobalAnsi(text),
                "uni" => Marshal.StringToHGlobalUni(text),
                _ => IntPtr.Zero,
            };
            if (p == IntPtr.Zero) return -1;
            int rc = Native.fill(p, text.Length);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static int PatternAndGoto(object size)
        {
            if (size is not int n || n <= 0) return 0;
            IntPtr p = Marshal.AllocHGlobal(n);
            int rc = Native.fill(p, n);
            if (rc != 0) goto done;
            rc = Marshal.ReadInt32(p);
        done:
            Marshal.FreeHGlobal(p);
            return rc;
        }
    }

}

namespace BlackBox.PInvokes
{
    internal sealed class WidgetHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
    {
        public WidgetHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            Widgets.widget_destroy(handle);
            return true;
        }
    }

    internal static class Widgets
    {
        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern Microsoft.Win32.SafeHandles.SafeFileHandle CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);

        [DllImport("kernel32")]
        public static extern IntPtr GetCurrentProcess();

        [DllImport("widget")]
        public static extern WidgetHandle widget_create(string name);

        [DllImport("widget")]
        public static extern void widget_destroy(IntPtr widget);

        [DllImport("widget")]
        public static extern IntPtr widget_get_parent(WidgetHandle widget);
    }

    internal static class Use
    {
        public static bool HasParent(string name)
        {
            using var widget = Widgets.widget_create(name);
            return !widget.IsInvalid && Widgets.widget_get_parent(widget) != IntPtr.Zero;
        }
    }
}

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

}

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

}
