#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

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

    internal static class Buggy
    {
        public static async Task<int> AwaitWithoutFinallyAsync(int size, Task ready)
        {
            IntPtr p = {|#1:Marshal.AllocHGlobal(size)|};
            {|#0:await ready|}; // expect KL0101 0 1
            int rc = Native.fill(p, size);
            Marshal.FreeHGlobal(p);
            return rc;
        }

        public static Action Leaky(int size) => () =>
        {
            IntPtr p = {|#3:Marshal.AllocHGlobal(size)|};
            if (Native.fill(p, size) != 0)
                {|#2:return;|} // expect KL0001 2 3
            Marshal.FreeHGlobal(p);
        };

        public static int LocalFunctionLeak(int size)
        {
            return Run();

            int Run()
            {
                IntPtr p = {|#5:Marshal.AllocHGlobal(size)|};
                int rc = Native.fill(p, size);
                if (rc < 0)
                    {|#4:return rc;|} // expect KL0001 4 5
                Marshal.FreeHGlobal(p);
                return rc;
            }
        }

        public static int GotoSkipsFree(int size)
        {
            IntPtr p = {|#7:Marshal.AllocHGlobal(size)|};
            int rc = Native.fill(p, size);
            if (rc != 0) goto fail;
            rc = Marshal.ReadInt32(p);
            Marshal.FreeHGlobal(p);
            return rc;
        fail:
            {|#6:return -1;|} // expect KL0001 6 7
        }

        public static async Task<int> ReadAfterFreeAsync(int size)
        {
            IntPtr p = {|#9:Marshal.AllocHGlobal(size)|};
            try
            {
                await Task.Yield();
                Native.fill(p, size);
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
            return {|#8:Marshal.ReadInt32(p)|}; // expect KL0003 8 9
        }
    }
}
