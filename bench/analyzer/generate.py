#!/usr/bin/env python3
"""Writes a C# project of N interop methods (default 5,000) for bench/analyzer/run.sh.

The methods are the shapes interop wrappers are made of: HGlobal and CoTaskMem buffers freed in finally or on each
path, pinned GCHandles, NativeMemory with loops, string marshalling, P/Invoke status checks with early returns, and
a share of leaks so that the analyzer reports as well as checks. Deterministic: same N, same files.
"""
import os
import sys

SHAPES = [
    # Buffer freed in finally around a P/Invoke.
    """    public static int Read{i}(IntPtr handle, int size)
    {{
        IntPtr buffer = Marshal.AllocHGlobal(size);
        try
        {{
            int rc = Native.read(handle, buffer, size);
            if (rc < 0) return rc;
            return Marshal.ReadInt32(buffer) + {i};
        }}
        finally
        {{
            Marshal.FreeHGlobal(buffer);
        }}
    }}
""",
    # Error return that leaks (KL0001).
    """    public static int Write{i}(IntPtr handle, string text)
    {{
        IntPtr native = Marshal.StringToHGlobalAnsi(text);
        int rc = Native.write(handle, native, text.Length);
        if (rc != 0)
            return rc - {i};
        Marshal.FreeHGlobal(native);
        return 0;
    }}
""",
    # Pinned array, released on every path.
    """    public static int Pin{i}(IntPtr handle, byte[] data)
    {{
        GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        int rc = Native.write(handle, pin.AddrOfPinnedObject(), data.Length);
        if (rc < 0)
        {{
            pin.Free();
            return rc;
        }}
        pin.Free();
        return data.Length + {i};
    }}
""",
    # NativeMemory with a loop and a switch.
    """    public static unsafe long Sum{i}(int count, int mode)
    {{
        long* values = (long*)NativeMemory.Alloc((nuint)count, sizeof(long));
        long total = 0;
        for (int k = 0; k < count; k++)
        {{
            values[k] = k * {i};
            switch (mode)
            {{
                case 0: total += values[k]; break;
                case 1: total -= values[k]; break;
                default: total ^= values[k]; break;
            }}
        }}
        NativeMemory.Free(values);
        return total;
    }}
""",
    # Two buffers, a goto-free ladder of status checks.
    """    public static int Copy{i}(IntPtr from, IntPtr to, int size)
    {{
        IntPtr a = Marshal.AllocCoTaskMem(size);
        IntPtr b = Marshal.AllocCoTaskMem(size);
        int rc = Native.read(from, a, size);
        if (rc >= 0)
        {{
            Buffer.MemoryCopy((void*)a, (void*)b, size, size);
            rc = Native.write(to, b, size);
        }}
        Marshal.FreeCoTaskMem(b);
        Marshal.FreeCoTaskMem(a);
        return rc + {i};
    }}
""",
    # Plain wrapper without allocation.
    """    public static int Status{i}(IntPtr handle)
    {{
        int rc = Native.status(handle);
        if (rc < 0) throw new InvalidOperationException("status " + rc + " in {i}");
        return rc;
    }}
""",
]

def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    # Optional third argument: only these shapes (comma-separated indices), to see what one shape costs.
    shapes = [SHAPES[int(k)] for k in sys.argv[3].split(",")] if len(sys.argv) > 3 else SHAPES
    per_file = 100
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "Native.cs"), "w") as f:
        f.write("""using System;
using System.Runtime.InteropServices;

internal static class Native
{
    [DllImport("bench")] public static extern int read(IntPtr handle, IntPtr buffer, int size);
    [DllImport("bench")] public static extern int write(IntPtr handle, IntPtr buffer, int size);
    [DllImport("bench")] public static extern int status(IntPtr handle);
}
""")
    for start in range(0, count, per_file):
        with open(os.path.join(out, "Wrappers%03d.cs" % (start // per_file)), "w") as f:
            f.write("using System;\nusing System.Runtime.InteropServices;\n\n")
            f.write("public static unsafe class Wrappers%03d\n{\n" % (start // per_file))
            for i in range(start, min(start + per_file, count)):
                f.write(shapes[i % len(shapes)].format(i=i))
                f.write("\n")
            f.write("}\n")

if __name__ == "__main__":
    main()
