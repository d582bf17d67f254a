using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Specs;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>One rule catalog and one spec catalog: the analyzer's descriptors and the .NET pairs come from Core.</summary>
    public sealed class RuleAndCatalogTests
    {
        [Fact]
        public void Descriptors_carry_the_core_rule_ids_titles_and_help_links()
        {
            var supported = new ResourceLeakAnalyzer().SupportedDiagnostics;
            var expected = new[] { Rules.Leak, Rules.DoubleRelease, Rules.UseAfterRelease, Rules.OverwriteLeak, Rules.UnownedRelease, Rules.ExceptionPathLeak };
            Assert.Equal(expected.Select(r => r.Id).Append(Rules.AnalysisIncomplete.Id), supported.Select(d => d.Id));
            foreach (var rule in expected)
            {
                var descriptor = supported.Single(d => d.Id == rule.Id);
                Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal("docs/rules/" + rule.Id + ".md", descriptor.HelpLinkUri);
                Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
                Assert.True(descriptor.IsEnabledByDefault);
            }
        }

        [Fact]
        public void Raw_handle_analyzer_reports_KL0102_as_the_core_catalog_defines_it()
        {
            var descriptor = Assert.Single(new RawOwnedHandleAnalyzer().SupportedDiagnostics);
            Assert.Equal(Rules.RawOwnedHandle.Id, descriptor.Id);
            Assert.Equal(Rules.RawOwnedHandle.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("docs/rules/KL0102.md", descriptor.HelpLinkUri);
        }

        [Theory]
        [InlineData("Marshal.AllocHGlobal", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.StringToHGlobalAnsi", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.StringToHGlobalUni", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.StringToHGlobalAuto", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.ReAllocHGlobal", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.AllocCoTaskMem", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToCoTaskMemAnsi", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToCoTaskMemUni", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToCoTaskMemUTF8", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToCoTaskMemAuto", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToBSTR", "Marshal.FreeBSTR")]
        [InlineData("GCHandle.Alloc", "GCHandle.Free")]
        [InlineData("NativeMemory.Alloc", "NativeMemory.Free")]
        [InlineData("NativeMemory.AllocZeroed", "NativeMemory.Free")]
        [InlineData("NativeMemory.AlignedAlloc", "NativeMemory.AlignedFree")]
        [InlineData("Marshal.GetIUnknownForObject", "Marshal.Release")]
        [InlineData("Marshal.SecureStringToGlobalAllocUnicode", "Marshal.ZeroFreeGlobalAllocUnicode")]
        [InlineData("Marshal.SecureStringToGlobalAllocAnsi", "Marshal.ZeroFreeGlobalAllocAnsi")]
        [InlineData("Marshal.SecureStringToCoTaskMemAnsi", "Marshal.ZeroFreeCoTaskMemAnsi")]
        [InlineData("Marshal.SecureStringToCoTaskMemUnicode", "Marshal.ZeroFreeCoTaskMemUnicode")]
        [InlineData("Marshal.SecureStringToBSTR", "Marshal.ZeroFreeBSTR")]
        public void Built_in_catalog_pairs_dotnet_acquires_with_their_release(string acquire, string release)
        {
            var catalog = SpecCatalog.LoadBuiltIn();
            var spec = catalog.FindAcquire(acquire);
            Assert.NotNull(spec);
            Assert.Equal(release, spec!.Family.PreferredRelease);
            Assert.Contains(spec.Family, catalog.FindRelease(release)!.Families);
        }

        [Fact]
        public void GCHandle_Free_releases_its_receiver_and_ReAllocHGlobal_takes_the_old_block()
        {
            var catalog = SpecCatalog.LoadBuiltIn();
            Assert.Equal(0, catalog.FindRelease("GCHandle.Free")!.ArgumentIndex);
            Assert.Equal(0, Assert.Single(catalog.FindConsumes("Marshal.ReAllocHGlobal")).ArgumentIndex);
            Assert.Null(catalog.FindAcquire("kfree"));
            Assert.NotNull(catalog.FindAcquire("kmalloc"));
        }
    }
}
