using System;
using System.Runtime.InteropServices;

namespace CorrectInterop
{
    /// <summary>A wrapper that owns a raw handle from mylib (declared in mylib.kleaklint.spec) in a field.</summary>
    public sealed class MyLibConnection : IDisposable
    {
#pragma warning disable KL0102 // the low-level binding: this class is the owner of what it opens
        [DllImport("mylib", EntryPoint = "mylib_open")] private static extern IntPtr Open(string name);
#pragma warning restore KL0102
        [DllImport("mylib", EntryPoint = "mylib_close")] private static extern void Close(IntPtr handle);
        [DllImport("mylib")] private static extern int mylib_attach(IntPtr owner, IntPtr child);

        private IntPtr _handle;

        public MyLibConnection(string name)
        {
            _handle = Open(name);
            if (_handle == IntPtr.Zero) throw new InvalidOperationException("open failed");
        }

        public static bool TryOpen(string name, out IntPtr handle)
        {
            IntPtr h = Open(name);
            if (h == IntPtr.Zero) { handle = IntPtr.Zero; return false; }
            handle = h;
            return true;
        }

        public void Attach(string name)
        {
            IntPtr child = Open(name);
            if (child == IntPtr.Zero) return;
            mylib_attach(_handle, child);
        }

        public void Dispose()
        {
            if (_handle != IntPtr.Zero)
            {
                Close(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }
}
