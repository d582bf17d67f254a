using System;
using System.Runtime.InteropServices;

namespace CorrectInterop
{
    internal static class HGlobalNative
    {
        [DllImport("native")] public static extern int fill(IntPtr buffer, int size);
        [DllImport("native")] public static extern int send(IntPtr text);
    }

    public static class HGlobalBuffers
    {
        public static int Read(int size)
        {
            IntPtr buffer = Marshal.AllocHGlobal(size);
            try
            {
                Validate(size);
                if (HGlobalNative.fill(buffer, size) != 0) return -1;
                return Marshal.ReadInt32(buffer);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        public static int SendText(string text)
        {
            IntPtr p = IntPtr.Zero;
            try
            {
                p = Marshal.StringToHGlobalAnsi(text);
                Validate(text.Length);
                return HGlobalNative.send(p);
            }
            finally
            {
                if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            }
        }

        public static IntPtr CopyOut(byte[] data)
        {
            IntPtr p = Marshal.AllocHGlobal(data.Length);
            try
            {
                Validate(data.Length);
                Marshal.Copy(data, 0, p, data.Length);
            }
            catch
            {
                Marshal.FreeHGlobal(p);
                throw;
            }
            return p;
        }

        public static int Filtered(int size)
        {
            IntPtr p = Marshal.AllocCoTaskMem(size);
            try
            {
                Validate(size);
                return HGlobalNative.fill(p, size);
            }
            catch (ArgumentException e) when (e.ParamName == "size")
            {
                return -1;
            }
            finally
            {
                Marshal.FreeCoTaskMem(p);
            }
        }

        public static void NoThrowingCallsBetween(string text)
        {
            IntPtr p = Marshal.StringToHGlobalUni(text);
            HGlobalNative.send(p);
            Marshal.FreeHGlobal(p);
        }

        private static void Validate(int size)
        {
            if (size <= 0) throw new ArgumentException("must be positive", nameof(size));
        }
    }
}
