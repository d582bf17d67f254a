// The correct counterpart of BlackBox/PInvokes.cs, whose bugs are in declarations (KL0102) and so have no correct half
// to cut out of the file: the same native functions returned as SafeHandles.
#nullable enable
using System;
using System.Runtime.InteropServices;

namespace BlackBox.PInvokes
{
    internal sealed class WidgetHandle : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid
    {
        public WidgetHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            Widgets.widget_destroy(handle);
            return true;
        }
    }

    internal static class Widgets
    {
        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern Microsoft.Win32.SafeHandles.SafeFileHandle CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);

        [DllImport("kernel32")]
        public static extern IntPtr GetCurrentProcess();

        [DllImport("widget")]
        public static extern WidgetHandle widget_create(string name);

        [DllImport("widget")]
        public static extern void widget_destroy(IntPtr widget);

        [DllImport("widget")]
        public static extern IntPtr widget_get_parent(WidgetHandle widget);
    }

    internal static class Use
    {
        public static bool HasParent(string name)
        {
            using var widget = Widgets.widget_create(name);
            return !widget.IsInvalid && Widgets.widget_get_parent(widget) != IntPtr.Zero;
        }
    }
}
