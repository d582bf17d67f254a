#nullable enable
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BlackBox.PInvokes
{
    internal static class Kernel32
    {
        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern {|#0:IntPtr|} CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template); // expect KL0102 0

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode, EntryPoint = "CreateFileW")]
        public static extern SafeFileHandle CreateFileSafe(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);

        [DllImport("kernel32", SetLastError = true)]
        public static extern {|#1:IntPtr|} OpenProcess(uint access, bool inherit, int processId); // expect KL0102 1

        [DllImport("kernel32", SetLastError = true)]
        public static extern bool CloseHandle(IntPtr handle);

        [DllImport("kernel32")]
        public static extern IntPtr GetCurrentProcess();

        [DllImport("kernel32", CharSet = CharSet.Unicode)]
        public static extern IntPtr GetModuleHandleW(string? name);

        [DllImport("kernel32")]
        public static extern IntPtr GetProcessHeap();

        [DllImport("kernel32")]
        public static extern IntPtr GetStdHandle(int which);
    }

    internal static partial class Widgets
    {
        [LibraryImport("widget", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial {|#2:IntPtr|} widget_create(string name); // expect KL0102 2

        [LibraryImport("widget")]
        internal static partial void widget_destroy(IntPtr widget);

        [LibraryImport("widget")]
        internal static partial IntPtr widget_get_parent(IntPtr widget);

        [DllImport("widget")]
        internal static extern int widget_open(string path, out {|#3:IntPtr|} widget); // expect KL0102 3

        [DllImport("widget")]
        internal static extern void widget_close(IntPtr widget);
    }

    // What the LibraryImport source generator adds; the tests compile without it.
    internal static partial class Widgets
    {
        internal static partial IntPtr widget_create(string name) => IntPtr.Zero;
        internal static partial void widget_destroy(IntPtr widget) { }
        internal static partial IntPtr widget_get_parent(IntPtr widget) => IntPtr.Zero;
    }

    internal static class Use
    {
        public static int Parent(string name)
        {
            IntPtr w = Widgets.widget_create(name);
            if (w == IntPtr.Zero) return -1;
            try
            {
                return Widgets.widget_get_parent(w) == IntPtr.Zero ? 0 : 1;
            }
            finally
            {
                Widgets.widget_destroy(w);
            }
        }

        public static int ParentLeak(string name)
        {
            IntPtr w = {|#5:Widgets.widget_create(name)|};
            if (w == IntPtr.Zero) return -1;
            if (Widgets.widget_get_parent(w) == IntPtr.Zero)
                {|#4:return 0;|} // expect KL0001 4 5
            Widgets.widget_destroy(w);
            return 1;
        }

        public static bool IsOpen(string path)
        {
            if (Widgets.widget_open(path, out IntPtr w) != 0) return false;
            Widgets.widget_close(w);
            return true;
        }
    }
}
