using System;
using System.Runtime.InteropServices;

namespace CorrectInterop
{
    internal static class CallbackNative
    {
        [DllImport("native")] public static extern void register_callback(IntPtr context);
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
    }

    public sealed class Registration : IDisposable
    {
        private GCHandle _self;

        public Registration()
        {
            _self = GCHandle.Alloc(this);
            CallbackNative.register_callback(GCHandle.ToIntPtr(_self));
        }

        public void Dispose()
        {
            if (_self.IsAllocated) _self.Free();
        }
    }

    public static class Pinning
    {
        public static int Fill(byte[] data)
        {
            GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                Check(data);
                return CallbackNative.fill(pin.AddrOfPinnedObject(), data.Length);
            }
            finally
            {
                pin.Free();
            }
        }

        public static void Cookie(object state) => CallbackNative.register_callback(GCHandle.ToIntPtr(GCHandle.Alloc(state)));

        private static void Check(byte[] data)
        {
            if (data.Length == 0) throw new ArgumentException("empty", nameof(data));
        }
    }
}
