using KLeakLint.ClangFront.Flags;

namespace KLeakLint.Cli
{
    /// <summary>Turns --kernel / -p / neither into the frontend's source of compile flags.</summary>
    internal static class FlagsSourceFactory
    {
        public static ICompileFlagsSource Create(CheckOptions options)
        {
            string? error;
            ICompileFlagsSource? source = options.Mode switch
            {
                FlagsMode.Kernel => KernelTreeFlags.TryCreate(options.FlagsDirectory!, options.ClangArgs, out error),
                FlagsMode.CompileDatabase => CompileDatabaseFlags.TryLoad(options.FlagsDirectory!, options.ClangArgs, out error),
                _ => Headerless(options, out error),
            };

            return source ?? throw new CliError(error ?? $"cannot use {options.FlagsDirectory} for compile flags");
        }

        private static ICompileFlagsSource Headerless(CheckOptions options, out string? error)
        {
            error = null;
            return new HeaderlessFlags(options.ClangArgs);
        }
    }
}
