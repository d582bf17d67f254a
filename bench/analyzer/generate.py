#!/usr/bin/env python3
"""Writes a C# project of N interop methods (default 5,000) for bench/analyzer/run.sh.

The methods are the shapes interop wrappers are made of, in turn: five that manage native memory by hand (HGlobal and
CoTaskMem buffers freed in finally or on each path, pinned GCHandles, NativeMemory with a loop, string copies, one of
them leaking on an error return so that the analyzer reports as well as checks) and four that call native code without
managing memory (SafeHandle arguments, structs through out parameters, strings marshalled by the runtime, status
checks). Deterministic: same N, same files.
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
    # A SafeHandle-based wrapper: the marshaller owns the handle, nothing to release by hand.
    """    public static int Send{i}(SafeHandle socket, ReadOnlySpan<byte> data)
    {{
        if (socket.IsInvalid) throw new ArgumentException("invalid handle", nameof(socket));
        int sent = Native.send(socket, data.ToArray(), data.Length);
        if (sent < 0) throw new InvalidOperationException("send failed: " + Marshal.GetLastPInvokeError() + " in {i}");
        return sent;
    }}
""",
    # A struct filled through an out parameter and converted.
    """    public static TimeSpan Uptime{i}(IntPtr handle)
    {{
        Native.Stat stat;
        int rc = Native.stat(handle, out stat);
        if (rc != 0) return TimeSpan.Zero;
        return TimeSpan.FromMilliseconds(stat.Uptime + {i});
    }}
""",
    # Strings marshalled by the runtime, result checked.
    """    public static string Name{i}(IntPtr handle, string key)
    {{
        var name = Native.name(handle, key ?? string.Empty);
        return string.IsNullOrEmpty(name) ? "unnamed-{i}" : name;
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

# The first five shapes manage native memory by hand; the other four do not.
ALLOCATING = 5


def sequence(count, shapes, allocating_percent):
    """The shape of each method: the given shapes in turn, or, with a share, that percentage of methods spread evenly
    over the allocating shapes and the rest over the others."""
    if allocating_percent is None:
        return [shapes[i % len(shapes)] for i in range(count)]
    result, allocating, other = [], 0, 0
    for i in range(count):
        if (i + 1) * allocating_percent // 100 > i * allocating_percent // 100:
            result.append(SHAPES[allocating % ALLOCATING])
            allocating += 1
        else:
            result.append(SHAPES[ALLOCATING + other % (len(SHAPES) - ALLOCATING)])
            other += 1
    return result


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    # Optional third argument: only these shapes (comma-separated indices), to see what one shape costs; or
    # "allocating=P": P percent of the methods manage native memory by hand (default: all nine shapes in turn, 5 of 9).
    option = sys.argv[3] if len(sys.argv) > 3 else ""
    if option.startswith("allocating="):
        methods = sequence(count, SHAPES, int(option.split("=", 1)[1]))
    else:
        methods = sequence(count, [SHAPES[int(k)] for k in option.split(",")] if option else SHAPES, None)
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
    [DllImport("bench", SetLastError = true)] public static extern int send(SafeHandle socket, byte[] data, int size);
    [DllImport("bench")] public static extern int stat(IntPtr handle, out Stat stat);
    [DllImport("bench", CharSet = CharSet.Ansi)] public static extern string name(IntPtr handle, string key);

    [StructLayout(LayoutKind.Sequential)]
    public struct Stat
    {
        public long Uptime;
        public int Flags;
    }
}
""")
    for start in range(0, count, per_file):
        with open(os.path.join(out, "Wrappers%03d.cs" % (start // per_file)), "w") as f:
            f.write("using System;\nusing System.Runtime.InteropServices;\n\n")
            f.write("public static unsafe class Wrappers%03d\n{\n" % (start // per_file))
            for i in range(start, min(start + per_file, count)):
                f.write(methods[i].format(i=i))
                f.write("\n")
            f.write("}\n")

if __name__ == "__main__":
    main()
