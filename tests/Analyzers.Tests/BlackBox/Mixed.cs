#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace BlackBox.Mixed
{
    internal static class Native
    {
        [DllImport("native")] public static extern int send(IntPtr data, int size);
        [DllImport("native")] public static extern int register_callback(IntPtr fn, IntPtr context);
        [DllImport("libc")] public static extern {|#40:IntPtr|} malloc(nuint size); // expect KL0102 40
        [DllImport("libc")] public static extern void free(IntPtr p);
        [DllImport("advapi32", CharSet = CharSet.Unicode)]
        public static extern int RegOpenKeyExW(IntPtr key, string subKey, int options, int access, out {|#41:IntPtr|} result); // expect KL0102 41
        [DllImport("advapi32")] public static extern int RegCloseKey(IntPtr key);
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

        public static int WithMalloc(nuint size)
        {
            IntPtr p = Native.malloc(size);
            if (p == IntPtr.Zero) return -1;
            int rc = Native.send(p, (int)size);
            Native.free(p);
            return rc;
        }

        public static bool KeyExists(string path)
        {
            if (Native.RegOpenKeyExW(new IntPtr(unchecked((int)0x80000002)), path, 0, 0x20019, out IntPtr key) != 0) return false;
            Native.RegCloseKey(key);
            return true;
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

    internal static class Buggy
    {
        public static int PassedStraightToNative(string text)
        {
            {|#0:return Native.send({|#1:Marshal.StringToHGlobalAnsi(text)|}, text.Length);|} // expect KL0001 0 1
        }

        private static readonly object Gate = new object();

        public static int ReturnInsideLock(int size)
        {
            lock (Gate)
            {
                IntPtr p = {|#3:Marshal.AllocHGlobal(size)|};
                if (Native.send(p, size) != 0)
                    {|#2:return -1;|} // expect KL0001 2 3
                Marshal.FreeHGlobal(p);
                return 0;
            }
        }

        public static int CatchReturnsWithoutFree(string text)
        {
            IntPtr p = {|#5:Marshal.StringToHGlobalUni(text)|};
            try
            {
                Check(Native.send(p, text.Length));
            }
            catch (InvalidOperationException)
            {
                {|#4:return -1;|} // expect KL0001 4 5
            }
            Marshal.FreeHGlobal(p);
            return 0;
        }

        private static void Check(int rc)
        {
            if (rc != 0) throw new InvalidOperationException("failed: " + rc);
        }

        public static void FreedInEveryIteration(int size, int rounds)
        {
            // Three bugs: freed again and used after the free on the second round, never freed when rounds is 0.
            IntPtr p = {|#7:Marshal.AllocHGlobal(size)|};
            for (int i = 0; i < rounds; i++)
            {
                {|#30:Native.send(p, size)|}; // expect KL0003 30 7
                {|#6:Marshal.FreeHGlobal(p)|}; // expect KL0002 6 7
            }
        {|#31:}|} // expect KL0001 31 7

        public static void WriteAfterFinally(int size)
        {
            IntPtr p = {|#9:Marshal.AllocHGlobal(size)|};
            try
            {
                Native.send(p, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
            {|#8:Marshal.WriteByte(p, 0)|}; // expect KL0003 8 9
        }

        public static void HandleOverwritten(object first, object second)
        {
            GCHandle h = {|#11:GCHandle.Alloc(first)|};
            h = {|#10:GCHandle.Alloc(second)|}; // expect KL0004 10 11
            h.Free();
        }

        public static unsafe void NativeMemoryFreedAsHGlobal(int size)
        {
            void* p = {|#13:NativeMemory.Alloc((nuint)size)|};
            Native.send((IntPtr)p, size);
            {|#12:Marshal.FreeHGlobal((IntPtr)p)|}; // expect KL0005 12 13
        }

        public static unsafe void HGlobalFreedAsNativeMemory(int size)
        {
            IntPtr p = {|#15:Marshal.AllocHGlobal(size)|};
            Native.send(p, size);
            {|#14:NativeMemory.Free((void*)p)|}; // expect KL0005 14 15
        }

        public static void ReleaseGuardedOnTheWrongThing(SafeHandle handle)
        {
            bool added = false;
            try
            {
                {|#17:handle.DangerousAddRef(ref added)|};
                Native.send(handle.DangerousGetHandle(), 0);
            }
            finally
            {
                if (handle != null) {|#16:handle.DangerousRelease()|}; // expect KL0005 16 17
            }
        // handle.DangerousAddRef() did not throw, so handle is not null: the null branch cannot be taken.
        {|#32:}|} // tolerate KL0001 32 17: a call on a parameter does not tell the engine it is not null

        public static int ParseBetween(string text, int size)
        {
            IntPtr p = {|#19:Marshal.AllocHGlobal(size)|};
            int count = {|#18:int.Parse(text)|}; // expect KL0101 18 19
            int rc = Native.send(p, count);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static void SwitchSkipsFree(int mode, int size)
        {
            IntPtr p = {|#21:Marshal.AllocHGlobal(size)|};
            switch (mode)
            {
                case 1:
                    Native.send(p, size);
                    Marshal.FreeHGlobal(p);
                    break;
                case 2:
                    Marshal.FreeHGlobal(p);
                    break;
            }
        {|#20:}|} // expect KL0001 20 21

        public static async Task<int> CatchAllDoesNotFreeAsync(int size, Func<Task<int>> work)
        {
            IntPtr p = {|#23:Marshal.AllocHGlobal(size)|};
            try
            {
                int rc = await work();
                Marshal.FreeHGlobal(p);
                return rc;
            }
            catch (Exception)
            {
                {|#22:return -1;|} // expect KL0001 22 23
            }
        }

        public static int ConditionalAcquireLeak(int size, bool fail)
        {
            IntPtr p = size > 0 ? {|#25:Marshal.AllocHGlobal(size)|} : IntPtr.Zero;
            if (fail)
                {|#24:return -1;|} // expect KL0001 24 25
            if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            return 0;
        }

        public static int ThrowExpression(string? text, int size)
        {
            IntPtr p = {|#27:Marshal.AllocHGlobal(size)|};
            string value = text ?? {|#26:throw new ArgumentNullException(nameof(text))|}; // expect KL0101 26 27
            int rc = Native.send(p, value.Length);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static int ComInLoop(object[] objects)
        {
            int total = 0;
            foreach (var o in objects)
            {
                IntPtr unknown = {|#29:Marshal.GetIUnknownForObject(o)|};
                total += Native.send(unknown, 0);
            {|#28:}|} // expect KL0001 28 29
            return total;
        }
    }
}
