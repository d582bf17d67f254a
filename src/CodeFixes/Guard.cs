using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// A code fix must never throw: the IDE would show an error bar for a bug in the fix, in code the user did not
    /// ask about. A fix that fails leaves the document as it was; one that fails to register offers nothing.
    /// </summary>
    internal static class Guard
    {
        public static async Task<Document?> Fix(Document document, Func<Task<Document?>> fix)
        {
            try
            {
                return await fix().ConfigureAwait(false) ?? document;
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                return document;
            }
        }

        /// <summary>The same for a fix that changes several documents.</summary>
        public static async Task<Solution> Fix(Solution solution, Func<Task<Solution?>> fix)
        {
            try
            {
                return await fix().ConfigureAwait(false) ?? solution;
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                return solution;
            }
        }

        public static async Task Register(Func<Task> register)
        {
            try
            {
                await register().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // Nothing offered for this diagnostic.
            }
        }
    }
}
