using System.Threading.Tasks;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.GuardedAddRefCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>
    /// A DangerousAddRef without the guarded try/finally becomes the runtime's own pattern.
    /// </summary>
    public sealed class GuardedAddRefTests
    {
        [Fact]
        public Task AddRef_and_release_become_the_guarded_pattern() => Fix(@"
class C
{" + NativeDeclarations.WriteFd + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        {|#1:handle.DangerousAddRef(ref success)|};
        int rc = write_fd(handle.DangerousGetHandle(), value);
        if (rc < 0)
            {|#0:return rc;|}
        handle.DangerousRelease();
        return 0;
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
            int rc = write_fd(handle.DangerousGetHandle(), value);
            if (rc < 0)
                return rc;
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Fix_all_guards_each_AddRef() => Fix(@"
class C
{" + NativeDeclarations.WriteFd + @"
    static void A(SafeHandle h)
    {
        bool ok = false;
        {|#1:h.DangerousAddRef(ref ok)|};
        write_fd(h.DangerousGetHandle(), 1);
    {|#0:}|}

    static void B(SafeHandle h)
    {
        bool ok = false;
        {|#3:h.DangerousAddRef(ref ok)|};
        if (write_fd(h.DangerousGetHandle(), 2) < 0)
            {|#2:return;|}
        h.DangerousRelease();
    }
}", @"
class C
{" + NativeDeclarations.WriteFd + @"
    static void A(SafeHandle h)
    {
        bool ok = false;
        try
        {
            h.DangerousAddRef(ref ok);
            write_fd(h.DangerousGetHandle(), 1);
        }
        finally
        {
            if (ok)
                h.DangerousRelease();
        }
    }

    static void B(SafeHandle h)
    {
        bool ok = false;
        try
        {
            h.DangerousAddRef(ref ok);
            if (write_fd(h.DangerousGetHandle(), 2) < 0)
                return;
        }
        finally
        {
            if (ok)
                h.DangerousRelease();
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1), Diagnostic("KL0001").WithLocation(2).WithLocation(3));
    }
}
