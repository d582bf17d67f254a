#nullable enable
using System;
using System.Runtime.InteropServices;
using System.Security;

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

    internal static class Buggy
    {
        public static string? ReadNameLeak()
        {
            const int size = 256;
            IntPtr buffer = {|#1:Marshal.AllocCoTaskMem(size)|};
            if (Native.get_name(buffer, size) < 0)
                {|#0:return null;|} // expect KL0001 0 1
            string? name = Marshal.PtrToStringUni(buffer);
            Marshal.FreeCoTaskMem(buffer);
            return name;
        }

        public static void BstrFreedAsCoTaskMem(string text)
        {
            IntPtr bstr = {|#3:Marshal.StringToBSTR(text)|};
            Native.SysStringLen(bstr);
            {|#2:Marshal.FreeCoTaskMem(bstr)|}; // expect KL0005 2 3
        }

        public static int SecureStringNotZeroFreedOnFailure(SecureString password)
        {
            IntPtr pw = {|#5:Marshal.SecureStringToGlobalAllocUnicode(password)|};
            int rc = Native.login(IntPtr.Zero, pw);
            if (rc != 0)
                {|#4:return rc;|} // expect KL0001 4 5
            Marshal.ZeroFreeGlobalAllocUnicode(pw);
            return 0;
        }

        public static void CoTaskMemFreedAsHGlobal(string text)
        {
            IntPtr p = {|#7:Marshal.StringToCoTaskMemUni(text)|};
            Native.put_name(p);
            {|#6:Marshal.FreeHGlobal(p)|}; // expect KL0005 6 7
        }

        public static string ReadAfterFree(string text)
        {
            IntPtr s = {|#9:Marshal.StringToCoTaskMemUTF8(text)|};
            Native.put_name(s);
            Marshal.FreeCoTaskMem(s);
            return {|#8:Marshal.PtrToStringUTF8(s)|} ?? string.Empty; // expect KL0003 8 9
        }

        public static int BstrLeakedOnException(string text)
        {
            IntPtr bstr = {|#11:Marshal.StringToBSTR(text)|};
            int length = Native.SysStringLen(bstr);
            {|#10:Marshal.ThrowExceptionForHR(Native.put_name(bstr))|}; // expect KL0101 10 11
            Marshal.FreeBSTR(bstr);
            return length;
        }
    }
}
