using System;
using System.Runtime.InteropServices;

namespace CorrectInterop
{
    public sealed class MyLibHandle : SafeHandle
    {
        public MyLibHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle()
        {
            MyLibNative.mylib_close(handle);
            return true;
        }
    }

    internal static class MyLibNative
    {
        [DllImport("mylib")] public static extern MyLibHandle mylib_open(string name);
        [DllImport("mylib")] public static extern int mylib_create(out MyLibHandle handle);
        [DllImport("mylib")] public static extern void mylib_close(IntPtr handle);
        [DllImport("mylib")] public static extern int mylib_write(IntPtr handle, int value);
    }

    public static class SafeHandleUse
    {
        public static int Write(string name, int value)
        {
            using var handle = MyLibNative.mylib_open(name);
            if (handle.IsInvalid) return -1;
            return WriteTo(handle, value);
        }

        public static int Create(int value)
        {
            if (MyLibNative.mylib_create(out var handle) != 0) return -1;
            using (handle) return WriteTo(handle, value);
        }

        public static int WriteTo(SafeHandle handle, int value)
        {
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                return MyLibNative.mylib_write(handle.DangerousGetHandle(), value);
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }

        public static int WriteAddRefBeforeTry(SafeHandle handle, int value)
        {
            bool added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return MyLibNative.mylib_write(handle.DangerousGetHandle(), value);
            }
            finally
            {
                handle.DangerousRelease();
            }
        }
    }
}
