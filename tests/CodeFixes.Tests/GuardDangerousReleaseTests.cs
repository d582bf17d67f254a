using System.Threading.Tasks;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.GuardDangerousReleaseCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0005 on an unguarded DangerousRelease in finally: the release is made conditional on the AddRef's flag.</summary>
    public sealed class GuardDangerousReleaseTests
    {
        [Fact]
        public Task Release_in_finally_tests_the_flag() => Fix(@"
class C
{" + NativeDeclarations.WriteFd + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        try
        {
            {|#1:handle.DangerousAddRef(ref success)|};
            return write_fd(handle.DangerousGetHandle(), value);
        }
        finally
        {
            {|#0:handle.DangerousRelease()|};
        }
    }
}", @"
class C
{" + NativeDeclarations.WriteFd + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        try
        {
            handle.DangerousAddRef(ref success);
            return write_fd(handle.DangerousGetHandle(), value);
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
    }
}", Diagnostic("KL0005").WithLocation(0).WithLocation(1));
    }
}
