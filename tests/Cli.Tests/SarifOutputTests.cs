using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class SarifOutputTests
    {
        private static readonly JsonSchema s_schema =
            JsonSchema.FromText(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")));

        [Fact]
        public void Sarif_for_the_examples_is_valid_against_the_official_schema()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel", "--format", "sarif");

            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            AssertValid(result.Stdout);
        }

        [Fact]
        public void Sarif_with_baseline_states_suppressions_and_notifications_is_valid()
        {
            using var tree = new TempTree();
            tree.Write("a.c", LeakSources.File(
                LeakSources.Function("kept"),
                LeakSources.Function("waived", " /* kleaklint: ignore KL0001 -- freed by the caller */"),
                LeakSources.Function("unexplained", " /* kleaklint: ignore KL0001 */")));
            Assert.Equal(0, CliRunner.RunIn(tree.Root, "baseline", "write", "base.json", "a.c").ExitCode);
            tree.Write("b.c", LeakSources.File(LeakSources.Function("fresh")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "a.c", "b.c", "--baseline", "base.json", "--format", "sarif");

            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            AssertValid(result.Stdout);
            JsonElement run = Run(result.Stdout);
            JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
            // The suppressed finding was left out of the baseline: its comment already accepts it.
            Assert.Equal(
                new[] { "unchanged", "new", "unchanged", "new" },
                results.Select(r => r.GetProperty("baselineState").GetString()));
            JsonElement suppression = Assert.Single(results[1].GetProperty("suppressions").EnumerateArray());
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
            Assert.Equal("freed by the caller", suppression.GetProperty("justification").GetString());
            Assert.False(results[2].TryGetProperty("suppressions", out _));
            JsonElement notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
            Assert.Contains("needs a reason", notification.GetProperty("message").GetProperty("text").GetString());
        }

        [Fact]
        public void The_schema_check_rejects_what_the_schema_forbids()
        {
            string sarif = CliRunner.Run("check", "examples/kernel/slab_cache_leak.c", "--format", "sarif").Stdout;

            Assert.False(IsValid(sarif.Replace("\"level\": \"warning\"", "\"level\": \"severe\"")));
            Assert.False(IsValid(sarif.Replace("\"startLine\": ", "\"startLine\": -")));
            Assert.True(IsValid(sarif));
        }

        [Fact]
        public void Rules_carry_metadata_and_a_help_link_to_their_page()
        {
            JsonElement run = Run(CliRunner.Run("check", "examples/kernel/overwrite_fixed.c", "--format", "sarif").Stdout);
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");

            Assert.Equal("KLeakLint", driver.GetProperty("name").GetString());
            Assert.Equal(CliApp.Version, driver.GetProperty("version").GetString());
            JsonElement[] rules = driver.GetProperty("rules").EnumerateArray().ToArray();
            Assert.Equal(Core.Findings.Rules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            JsonElement leak = rules[0];
            Assert.Equal("leak", leak.GetProperty("name").GetString());
            Assert.False(string.IsNullOrWhiteSpace(leak.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.StartsWith("An acquired resource", leak.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal("warning", leak.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            string helpUri = leak.GetProperty("helpUri").GetString()!;
            Assert.EndsWith("/docs/rules/KL0001.md", helpUri);
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "docs", "rules", "KL0001.md")));
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", "KL0001.md")),
                leak.GetProperty("help").GetProperty("markdown").GetString());
        }

        [Fact]
        public void A_result_has_location_function_acquire_site_path_and_fingerprint()
        {
            JsonElement run = Run(CliRunner.Run("check", "examples/kernel/slab_cache_leak.c", "--format", "sarif").Stdout);
            JsonElement result = Assert.Single(run.GetProperty("results").EnumerateArray());

            Assert.Equal("KL0001", result.GetProperty("ruleId").GetString());
            Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            JsonElement location = result.GetProperty("locations")[0];
            JsonElement physical = location.GetProperty("physicalLocation");
            Assert.Equal("examples/kernel/slab_cache_leak.c", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.Equal("tracker_submit", location.GetProperty("logicalLocations")[0].GetProperty("name").GetString());

            JsonElement related = Assert.Single(result.GetProperty("relatedLocations").EnumerateArray());
            Assert.Contains("kmem_cache_zalloc", related.GetProperty("message").GetProperty("text").GetString());
            JsonElement[] steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray().ToArray();
            Assert.True(steps.Length >= 2);
            Assert.Contains("kmem_cache_zalloc", steps[0].GetProperty("location").GetProperty("message").GetProperty("text").GetString());
            Assert.Matches("^[0-9a-f]{32}:0$", result.GetProperty("partialFingerprints").GetProperty("kleaklintFingerprint/v1").GetString());
        }

        [Fact]
        public void Fingerprints_survive_edits_above_the_finding()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("first"), LeakSources.Function("second"));
            tree.Write("drv.c", source);
            string[] before = Fingerprints(CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "sarif").Stdout);

            tree.Write("drv.c", "/* a new header comment\n * over two lines */\n#define DRV_NAME \"drv\"\n\n" + source.Replace("\tif (n > 64)", "\tif (n  >  64)"));
            string[] after = Fingerprints(CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "sarif").Stdout);

            Assert.Equal(2, before.Length);
            Assert.NotEqual(before[0], before[1]);
            Assert.Equal(before, after);
        }

        [Fact]
        public void Sarif_is_the_same_bytes_for_any_number_of_jobs()
        {
            CliResult serial = CliRunner.Run("check", "examples/kernel", "--format", "sarif", "--jobs", "1");
            CliResult parallel = CliRunner.Run("check", "examples/kernel", "--format", "sarif", "--jobs", "2");

            Assert.NotEmpty(serial.Stdout);
            Assert.Equal(serial.Stdout, parallel.Stdout);
        }

        [Fact]
        public void Paths_with_spaces_and_paths_outside_the_working_directory_are_valid_uris()
        {
            using var tree = new TempTree();
            using var elsewhere = new TempTree();
            tree.Write("my driver/drv.c", LeakSources.File(LeakSources.Function("inside")));
            string outside = elsewhere.Write("other.c", LeakSources.File(LeakSources.Function("outside")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "my driver", outside, "--format", "sarif");

            AssertValid(result.Stdout);
            JsonElement[] locations = Run(result.Stdout).GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
                .ToArray();
            // Sorted by displayed path: the absolute one first.
            Assert.Equal(new System.Uri(outside).AbsoluteUri, locations[0].GetProperty("uri").GetString());
            Assert.False(locations[0].TryGetProperty("uriBaseId", out _));
            Assert.Equal("my%20driver/drv.c", locations[1].GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", locations[1].GetProperty("uriBaseId").GetString());
        }

        [Fact]
        public void Output_option_writes_the_report_to_a_file_and_nothing_to_stdout()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "sarif", "--output", "report.sarif");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            string written = File.ReadAllText(Path.Combine(tree.Root, "report.sarif"));
            AssertValid(written);
            Assert.Equal(CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "sarif").Stdout, written);
        }

        [Fact]
        public void An_output_file_that_cannot_be_written_is_a_tool_error()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "-o", "no/such/dir/report.txt");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("cannot write report", result.Stderr);
        }

        private static bool IsValid(string sarif) => Evaluate(sarif).IsValid;

        private static EvaluationResults Evaluate(string sarif)
        {
            using JsonDocument document = JsonDocument.Parse(sarif);
            return s_schema.Evaluate(document.RootElement, new EvaluationOptions
            {
                OutputFormat = Json.Schema.OutputFormat.List,
                RequireFormatValidation = true,
            });
        }

        private static void AssertValid(string sarif)
        {
            EvaluationResults results = Evaluate(sarif);
            string errors = string.Join("\n", (results.Details ?? new System.Collections.Generic.List<EvaluationResults>())
                .Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
            Assert.True(results.IsValid, "SARIF is not valid against sarif-schema-2.1.0.json:\n" + errors);
        }

        private static JsonElement Run(string sarif) =>
            JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].Clone();

        private static string[] Fingerprints(string sarif) => Run(sarif).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("kleaklintFingerprint/v1").GetString()!)
            .ToArray();
    }
}
