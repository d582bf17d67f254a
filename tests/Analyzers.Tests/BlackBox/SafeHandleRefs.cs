#nullable enable
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

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

    internal static class Buggy
    {
        public static int UnguardedRelease(SafeHandle handle, byte[] data)
        {
            bool added = false;
            try
            {
                {|#1:handle.DangerousAddRef(ref added)|};
                return Native.write(handle.DangerousGetHandle(), data, data.Length);
            }
            finally
            {
                {|#0:handle.DangerousRelease()|}; // expect KL0005 0 1
            }
        }

        public static int ReleaseSkippedOnError(SafeHandle handle, byte[] data)
        {
            bool added = false;
            {|#3:handle.DangerousAddRef(ref added)|};
            int rc = Native.write(handle.DangerousGetHandle(), data, data.Length);
            if (rc < 0)
                {|#2:return rc;|} // expect KL0001 2 3
            handle.DangerousRelease();
            return rc;
        }

        public static void ReleaseSkippedOnException(SafeHandle handle, byte[] data)
        {
            bool added = false;
            {|#5:handle.DangerousAddRef(ref added)|};
            int rc = Native.write(handle.DangerousGetHandle(), data, data.Length);
            {|#4:Marshal.ThrowExceptionForHR(rc)|}; // expect KL0101 4 5
            handle.DangerousRelease();
        }
    }
}
