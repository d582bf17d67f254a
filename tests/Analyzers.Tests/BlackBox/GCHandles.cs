#nullable enable
using System;
using System.Runtime.InteropServices;

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

    internal static class Buggy
    {
        public static int EarlyReturn(byte[] data)
        {
            GCHandle handle = {|#1:GCHandle.Alloc(data, GCHandleType.Pinned)|};
            if (data.Length == 0)
                {|#0:return 0;|} // expect KL0001 0 1
            int rc = Native.fill(handle.AddrOfPinnedObject(), data.Length);
            handle.Free();
            return rc;
        }

        public static void ProcessPinned(byte[] data)
        {
            GCHandle handle = {|#3:GCHandle.Alloc(data, GCHandleType.Pinned)|};
            Native.fill(handle.AddrOfPinnedObject(), data.Length);
            {|#2:Process(data)|}; // expect KL0101 2 3
            handle.Free();
        }

        private static void Process(byte[] data)
        {
            if (data[0] == 0) throw new FormatException("bad header");
        }

        public static void FreedTwice(object state, bool failed)
        {
            GCHandle handle = {|#5:GCHandle.Alloc(state)|};
            Native.set_callback(IntPtr.Zero);
            if (failed)
                handle.Free();
            {|#4:handle.Free()|}; // expect KL0002 4 5
        }

        public static int LeakInLoop(byte[][] chunks)
        {
            int total = 0;
            foreach (var chunk in chunks)
            {
                var pin = {|#7:GCHandle.Alloc(chunk, GCHandleType.Pinned)|};
                int rc = Native.fill(pin.AddrOfPinnedObject(), chunk.Length);
                if (rc < 0)
                    {|#6:break;|} // expect KL0001 6 7
                total += rc;
                pin.Free();
            }
            return total;
        }

        public static IntPtr AddressAfterFree(byte[] data)
        {
            GCHandle handle = {|#9:GCHandle.Alloc(data, GCHandleType.Pinned)|};
            handle.Free();
            return {|#8:handle.AddrOfPinnedObject()|}; // expect KL0003 8 9
        }
    }
}
