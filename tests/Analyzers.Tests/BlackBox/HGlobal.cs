#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

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

    internal static class Buggy
    {
        public static int LeakOnError(int size)
        {
            IntPtr buffer = {|#1:Marshal.AllocHGlobal(size)|};
            if (Native.fill(buffer, size) != 0)
                {|#0:return -1;|} // expect KL0001 0 1
            int value = Marshal.ReadInt32(buffer);
            Marshal.FreeHGlobal(buffer);
            return value;
        }

        public static int FirstRejected(string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                IntPtr p = {|#3:Marshal.StringToHGlobalAnsi(lines[i])|};
                if (Native.send(p) != 0)
                    {|#2:return i;|} // expect KL0001 2 3
                Marshal.FreeHGlobal(p);
            }
            return -1;
        }

        public static int SendNonEmpty(string[] lines)
        {
            int sent = 0;
            foreach (var line in lines)
            {
                IntPtr p = {|#5:Marshal.StringToHGlobalUni(line)|};
                if (line.Length == 0) {|#4:continue;|} // expect KL0001 4 5
                sent += Native.send(p);
                Marshal.FreeHGlobal(p);
            }
            return sent;
        }

        public static int DoubleFreeOnError(int size)
        {
            IntPtr p = {|#7:Marshal.AllocHGlobal(size)|};
            int rc = Native.fill(p, size);
            if (rc != 0)
            {
                Marshal.FreeHGlobal(p);
            }
            {|#6:Marshal.FreeHGlobal(p)|}; // expect KL0002 6 7
            return rc;
        }

        public static byte[] CopyAfterFree(int size)
        {
            IntPtr p = {|#9:Marshal.AllocHGlobal(size)|};
            Native.fill(p, size);
            Marshal.FreeHGlobal(p);
            var data = new byte[size];
            {|#8:Marshal.Copy(p, data, 0, size)|}; // expect KL0003 8 9
            return data;
        }

        public static void Overwrite(string a, string b)
        {
            IntPtr p = {|#11:Marshal.StringToHGlobalAnsi(a)|};
            Native.send(p);
            p = {|#10:Marshal.StringToHGlobalAnsi(b)|}; // expect KL0004 10 11
            Native.send(p);
            Marshal.FreeHGlobal(p);
        }

        public static void WrongFamily(int size)
        {
            IntPtr p = {|#13:Marshal.AllocHGlobal(size)|};
            Native.fill(p, size);
            {|#12:Marshal.FreeCoTaskMem(p)|}; // expect KL0005 12 13
        }

        public static void ThrowsBeforeFree(string text)
        {
            IntPtr p = {|#15:Marshal.StringToHGlobalUni(text)|};
            if (Native.send(p) != 0)
                {|#14:throw new InvalidOperationException("send failed");|} // expect KL0101 14 15
            Marshal.FreeHGlobal(p);
        }

        public static int MissingCase(int kind, int size)
        {
            IntPtr p = {|#17:Marshal.AllocHGlobal(size)|};
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
                    {|#16:return -1;|} // expect KL0001 16 17
            }
        }

        public static void FreedInCatchAndFinally(int size)
        {
            IntPtr p = {|#19:Marshal.AllocHGlobal(size)|};
            try
            {
                Check(Native.fill(p, size));
            }
            catch (InvalidOperationException)
            {
                Marshal.FreeHGlobal(p);
                throw;
            }
            finally
            {
                {|#18:Marshal.FreeHGlobal(p)|}; // expect KL0002 18 19
            }
        }

        private static void Check(int rc)
        {
            if (rc != 0) throw new InvalidOperationException("native call failed: " + rc);
        }

        public static int ManagedCallBetween(int size)
        {
            IntPtr p = {|#21:Marshal.AllocHGlobal(size)|};
            {|#20:Check(Native.fill(p, size))|}; // expect KL0101 20 21
            int value = Marshal.ReadInt32(p);
            Marshal.FreeHGlobal(p);
            return value;
        }

        public static void FreeOldAfterRealloc(int size)
        {
            IntPtr p = {|#23:Marshal.AllocHGlobal(size)|};
            IntPtr bigger = Marshal.ReAllocHGlobal(p, (IntPtr)(size * 2));
            Native.fill(bigger, size * 2);
            {|#22:Marshal.FreeHGlobal(p)|}; // expect KL0002 22 23
            Marshal.FreeHGlobal(bigger);
        }
    }
}
