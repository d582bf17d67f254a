using System.Collections.Generic;
using System.Globalization;

namespace KLeakLint.Core.Engine
{
    /// <summary>Names for the error numbers that appear in kernel returns, so messages read "-ENOMEM" rather than "-12".</summary>
    internal static class Errno
    {
        private static readonly Dictionary<long, string> Names = new Dictionary<long, string>
        {
            [1] = "EPERM", [2] = "ENOENT", [5] = "EIO", [6] = "ENXIO", [7] = "E2BIG", [9] = "EBADF", [11] = "EAGAIN",
            [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT", [16] = "EBUSY", [17] = "EEXIST", [19] = "ENODEV",
            [22] = "EINVAL", [28] = "ENOSPC", [34] = "ERANGE", [38] = "ENOSYS", [61] = "ENODATA", [95] = "EOPNOTSUPP",
            [110] = "ETIMEDOUT", [517] = "EPROBE_DEFER",
        };

        public static string Render(long value) =>
            value < 0 && Names.TryGetValue(-value, out var name) ? "-" + name : value.ToString(CultureInfo.InvariantCulture);
    }
}
