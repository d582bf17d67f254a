#nullable enable
using System;
using System.Runtime.InteropServices;

namespace BlackBox.Com
{
    [ComVisible(true)]
    [Guid("7d5f2b8e-3c4a-4f1b-9e6d-2a8c0b1e4f37")]
    [InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface IWidget
    {
        void Poke();
    }

    internal static class Native
    {
        [DllImport("native")] public static extern int use_interface(IntPtr itf);
        [DllImport("native")] public static extern IntPtr get_current_unknown();
    }

    internal sealed class ComRef : IDisposable
    {
        private IntPtr _unknown;

        public ComRef(IntPtr unknown)
        {
            Marshal.AddRef(unknown);
            _unknown = unknown;
        }

        public void Dispose()
        {
            if (_unknown != IntPtr.Zero)
            {
                Marshal.Release(_unknown);
                _unknown = IntPtr.Zero;
            }
        }
    }

    internal static class Correct
    {
        private static readonly Guid IidWidget = new Guid("7d5f2b8e-3c4a-4f1b-9e6d-2a8c0b1e4f37");

        public static int UseWidget(IntPtr unknown)
        {
            Guid iid = IidWidget;
            int hr = Marshal.QueryInterface(unknown, in iid, out IntPtr widget);
            if (hr < 0) return hr;
            try
            {
                return Native.use_interface(widget);
            }
            finally
            {
                Marshal.Release(widget);
            }
        }

        public static int UseWidgetSucceeded(IntPtr unknown)
        {
            Guid iid = IidWidget;
            if (Marshal.QueryInterface(unknown, in iid, out IntPtr widget) != 0)
                return -1;
            int rc = Native.use_interface(widget);
            Marshal.Release(widget);
            return rc;
        }

        public static int PassObject(object o)
        {
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            try
            {
                return Native.use_interface(unknown);
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }

        public static int PassInterface(IWidget widget)
        {
            IntPtr itf = Marshal.GetComInterfaceForObject<IWidget, IWidget>(widget);
            int rc = Native.use_interface(itf);
            Marshal.Release(itf);
            return rc;
        }

        public static void Borrow(IntPtr unknown)
        {
            Marshal.AddRef(unknown);
            try
            {
                Native.use_interface(unknown);
            }
            finally
            {
                Marshal.Release(unknown);
            }
        }

        public static IntPtr Detach(object o)
        {
            // The caller owns the returned reference.
            IntPtr unknown = Marshal.GetIUnknownForObject(o);
            return unknown;
        }

        public static void ThrowOnFailure(IntPtr unknown)
        {
            Guid iid = IidWidget;
            int hr = Marshal.QueryInterface(unknown, in iid, out IntPtr widget);
            Marshal.ThrowExceptionForHR(hr);
            Native.use_interface(widget);
            Marshal.Release(widget);
        }
    }

    internal static class Buggy
    {
        private static readonly Guid IidWidget = new Guid("7d5f2b8e-3c4a-4f1b-9e6d-2a8c0b1e4f37");

        public static int QueryAndForget(IntPtr unknown)
        {
            Guid iid = IidWidget;
            int hr = {|#1:Marshal.QueryInterface(unknown, in iid, out IntPtr widget)|};
            if (hr < 0) return hr;
            {|#0:return Native.use_interface(widget);|} // expect KL0001 0 1
        }

        public static int UnknownLeakedOnError(object o)
        {
            IntPtr unknown = {|#3:Marshal.GetIUnknownForObject(o)|};
            int rc = Native.use_interface(unknown);
            if (rc != 0)
                {|#2:return rc;|} // expect KL0001 2 3
            Marshal.Release(unknown);
            return 0;
        }

        public static void ReleasedTwice(object o)
        {
            IntPtr unknown = {|#5:Marshal.GetIUnknownForObject(o)|};
            try
            {
                Native.use_interface(unknown);
                Marshal.Release(unknown);
            }
            finally
            {
                {|#4:Marshal.Release(unknown)|}; // expect KL0002 4 5
            }
        }

        public static void AddRefWithoutRelease(IntPtr unknown, bool keep)
        {
            Marshal.AddRef(unknown);
            Native.use_interface(unknown);
            if (keep)
                return; // known-miss KL0001: a reference taken on a parameter's object and kept on a success path may be meant for the caller
            Marshal.Release(unknown);
        }

        public static int AddRefNotReleasedOnError(IntPtr unknown)
        {
            {|#7:Marshal.AddRef(unknown)|};
            if (Native.use_interface(unknown) < 0)
                {|#6:return -1;|} // expect KL0001 6 7
            Marshal.Release(unknown);
            return 0;
        }

        public static int UseAfterRelease(IWidget widget)
        {
            IntPtr itf = {|#9:Marshal.GetComInterfaceForObject(widget, typeof(IWidget))|};
            Marshal.Release(itf);
            return {|#8:Native.use_interface(itf)|}; // expect KL0003 8 9
        }
    }
}
