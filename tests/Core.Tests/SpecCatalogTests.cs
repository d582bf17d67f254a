using System.Linq;
using KLeakLint.Core.Specs;
using Xunit;

namespace KLeakLint.Core.Tests
{
    public sealed class SpecCatalogTests
    {
        private static readonly SpecCatalog BuiltIn = SpecCatalog.LoadBuiltIn();

        [Fact]
        public void Built_in_catalog_covers_at_least_forty_kernel_apis()
        {
            var apis = BuiltIn.Acquires.Select(a => a.Function).Concat(BuiltIn.Releases.Select(r => r.Function)).Distinct().ToList();
            Assert.True(apis.Count >= 40, "only " + apis.Count + " APIs");
        }

        [Fact]
        public void Every_acquired_family_has_its_preferred_release_in_the_catalog()
        {
            foreach (var acquire in BuiltIn.Acquires.Where(a => !a.Managed))
            {
                var release = BuiltIn.FindRelease(acquire.Family.PreferredRelease);
                Assert.True(release is not null, acquire.Function + ": no release spec for " + acquire.Family.PreferredRelease);
                Assert.Contains(acquire.Family, release!.Families);
            }
        }

        [Theory]
        [InlineData("kmem_cache_free", 1)]
        [InlineData("kfree", 0)]
        [InlineData("path_put", 0)]
        [InlineData("of_node_put", 0)]
        public void Release_argument_positions(string function, int argument)
        {
            Assert.Equal(argument, BuiltIn.FindRelease(function)!.ArgumentIndex);
        }

        [Fact]
        public void Devm_allocations_are_managed_through_the_prefix_pattern()
        {
            Assert.True(BuiltIn.FindAcquire("devm_kzalloc")!.Managed);
            Assert.True(BuiltIn.FindAcquire("devm_ioremap_resource")!.Managed);
            Assert.False(BuiltIn.FindAcquire("kzalloc")!.Managed);
        }

        [Fact]
        public void Path_get_takes_a_reference_on_the_object_its_argument_points_to()
        {
            var spec = BuiltIn.FindAcquire("path_get")!;
            Assert.Equal(new ResourceLocation.Argument(0), spec.Location);
            Assert.Equal(FailureSignal.Never, spec.Failure);
        }

        [Fact]
        public void Iterators_drop_the_previous_node()
        {
            Assert.Contains(BuiltIn.FindConsumes("of_get_next_child"), c => c.ArgumentIndex == 1);
            Assert.Contains(BuiltIn.FindConsumes("of_find_node_by_name"), c => c.ArgumentIndex == 0);
        }

        [Fact]
        public void Later_entries_replace_earlier_ones_and_exact_names_beat_patterns()
        {
            var catalog = new SpecCatalog();
            catalog.AddText("a.spec", "family pool class=counted release=pool_put\nmanaged pool_*\nacquire pool_get family=pool fails=never\nrelease pool_put family=pool\n");
            Assert.False(catalog.FindAcquire("pool_get")!.Managed);
            Assert.True(catalog.FindAcquire("pool_other")!.Managed);
            catalog.AddText("b.spec", "acquire pool_get family=pool fails=errptr\n");
            Assert.Equal(FailureSignal.ErrorPointer, catalog.FindAcquire("pool_get")!.Failure);
        }

        [Fact]
        public void A_transmit_function_owns_its_packet_except_when_it_answers_busy()
        {
            var xmit = SpecCatalog.LoadBuiltIn().FindCallback("ndo_start_xmit");
            Assert.NotNull(xmit);
            Assert.Equal(0, xmit!.ArgumentIndex);
            Assert.Equal("skb", xmit.Family.Name);
            Assert.Equal(16, xmit.UnconsumedReturn);
            Assert.Null(SpecCatalog.LoadBuiltIn().FindCallback("ndo_open"));
        }

        [Theory]
        [InlineData("family f class=memory release=x\ncallback slot family=f", "missing arg=")]
        [InlineData("family f class=memory release=x\ncallback slot arg=0 family=f unconsumed-return=busy", "unconsumed-return must be a number")]
        [InlineData("acquire foo family=nope", "unknown family 'nope'")]
        [InlineData("frobnicate foo", "unknown directive 'frobnicate'")]
        [InlineData("family f class=weird release=x", "class must be memory or counted")]
        [InlineData("family f class=memory release=x\nacquire foo family=f at=somewhere", "at must be return, argN or outN")]
        [InlineData("family f class=memory release=x\nrelease foo family=f arg=x", "arg must be a number")]
        [InlineData("family f class=memory release=x\nacquire foo family=f colour=blue", "unknown attribute 'colour'")]
        public void Format_errors_name_the_file_and_line(string text, string message)
        {
            var catalog = new SpecCatalog();
            var error = Assert.Throws<SpecFormatException>(() => catalog.AddText("user.spec", text));
            Assert.Contains(message, error.Message);
            Assert.StartsWith("user.spec:" + text.Split('\n').Length + ":", error.Message);
        }
    }
}
