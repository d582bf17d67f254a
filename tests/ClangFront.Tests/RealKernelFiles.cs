using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>
    /// Where the real kernel source and headers are (scripts/setup.sh installs both), and driver
    /// files that parse with zero errors under Debian's 6.1 amd64 config with --kernel flags.
    /// Tests that need them call <see cref="RequireSourceRoot"/> / <see cref="RequireHeadersDir"/>,
    /// which fail (never skip) when they are missing.
    /// </summary>
    public static class RealKernelFiles
    {
        public const string SourceVariable = "KLEAKLINT_KERNEL_SRC";
        public const string HeadersVariable = "KLEAKLINT_KERNEL_HEADERS";
        public const string DefaultSourceRoot = "/var/cache/kleaklint/linux-source-6.1";

        /// <summary>The extracted kernel source ($KLEAKLINT_KERNEL_SRC, else the setup script's place), or null.</summary>
        public static string? SourceRoot
        {
            get
            {
                string root = Environment.GetEnvironmentVariable(SourceVariable) is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : DefaultSourceRoot;

                // MAINTAINERS is among the last files the extraction writes at the top level.
                return File.Exists(Path.Combine(root, "MAINTAINERS")) && Directory.Exists(Path.Combine(root, "drivers"))
                    ? root
                    : null;
            }
        }

        /// <summary>$KLEAKLINT_KERNEL_HEADERS, else the newest /usr/src/linux-headers-*-amd64; null if none.</summary>
        public static string? HeadersDir
        {
            get
            {
                if (Environment.GetEnvironmentVariable(HeadersVariable) is { Length: > 0 } fromEnvironment)
                {
                    return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
                }

                if (!Directory.Exists("/usr/src"))
                {
                    return null;
                }

                return Directory.GetDirectories("/usr/src", "linux-headers-*-amd64")
                    .OrderByDescending(VersionKey, VersionComparer.Instance)
                    .FirstOrDefault();
            }
        }

        /// <summary>Relative to <see cref="SourceRoot"/>; each parses with 0 errors (measured with libclang 14 and 19).</summary>
        public static IReadOnlyList<string> DriverFiles { get; } = new[]
        {
            "drivers/usb/usb-skeleton.c",
            "drivers/leds/leds-bcm6328.c",
            "drivers/leds/leds-gpio.c",
            "drivers/net/ethernet/realtek/8139too.c",
            "drivers/net/ethernet/intel/e100.c",
            "drivers/net/usb/pegasus.c",
            "drivers/net/usb/rtl8150.c",
            "sound/soc/codecs/wm8731.c",
            "drivers/usb/misc/adutux.c",
            "drivers/usb/misc/chaoskey.c",
            "drivers/usb/misc/iowarrior.c",
            "drivers/usb/misc/ldusb.c",
            "drivers/usb/misc/usb3503.c",
            "drivers/usb/misc/yurex.c",
            "drivers/i2c/busses/i2c-i801.c",
            "drivers/i2c/busses/i2c-diolan-u2c.c",
            "drivers/gpio/gpio-pca953x.c",
            "drivers/gpio/gpio-aggregator.c",
            "drivers/hwmon/lm90.c",
            "drivers/rtc/rtc-ds1307.c",
            "drivers/misc/eeprom/at24.c",
            "drivers/input/misc/uinput.c",
            "drivers/base/firmware_loader/main.c",
            "fs/namei.c",
        };

        public static string RequireSourceRoot() =>
            SourceRoot ?? throw new InvalidOperationException(
                $"kernel source not found at {Environment.GetEnvironmentVariable(SourceVariable) ?? DefaultSourceRoot} " +
                $"(set {SourceVariable}); run scripts/setup.sh to install and extract it");

        public static string RequireHeadersDir() =>
            HeadersDir ?? throw new InvalidOperationException(
                $"no kernel headers: no /usr/src/linux-headers-*-amd64 and {HeadersVariable} unset; run scripts/setup.sh to install linux-headers-amd64");

        /// <summary>"linux-headers-6.1.0-56-amd64" → [6, 1, 0, 56].</summary>
        private static int[] VersionKey(string directory) =>
            Regex.Matches(Path.GetFileName(directory), @"\d+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        private sealed class VersionComparer : IComparer<int[]>
        {
            public static readonly VersionComparer Instance = new VersionComparer();

            public int Compare(int[]? x, int[]? y)
            {
                x ??= Array.Empty<int>();
                y ??= Array.Empty<int>();
                for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
                {
                    if (x[i] != y[i])
                    {
                        return x[i].CompareTo(y[i]);
                    }
                }

                return x.Length.CompareTo(y.Length);
            }
        }
    }
}
