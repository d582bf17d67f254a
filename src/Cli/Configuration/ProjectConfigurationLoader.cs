using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Configuration
{
    /// <summary>
    /// Finds the configuration that applies to a source file: the nearest <c>.kleaklint.json</c> in
    /// the file's directory or above (nearest wins, files are not merged), or the one given with
    /// --config for every file. Each directory is looked up once per run.
    /// </summary>
    internal sealed class ProjectConfigurationLoader
    {
        private readonly ProjectConfiguration? _explicit;
        private readonly Dictionary<string, ProjectConfiguration> _byDirectory = new Dictionary<string, ProjectConfiguration>(StringComparer.Ordinal);

        public ProjectConfigurationLoader(string? explicitFile)
        {
            _explicit = explicitFile is null ? null : Load(explicitFile);
        }

        public ProjectConfiguration ForFile(string fullPath)
        {
            if (_explicit is not null) return _explicit;
            string? directory = Path.GetDirectoryName(fullPath);
            return directory is null ? ProjectConfiguration.Defaults : ForDirectory(directory);
        }

        private ProjectConfiguration ForDirectory(string directory)
        {
            if (_byDirectory.TryGetValue(directory, out ProjectConfiguration? known)) return known;

            string candidate = Path.Combine(directory, ProjectConfiguration.FileName);
            string? parent = Path.GetDirectoryName(directory);
            ProjectConfiguration found = File.Exists(candidate) ? Load(candidate)
                : parent is null ? ProjectConfiguration.Defaults
                : ForDirectory(parent);
            _byDirectory[directory] = found;
            return found;
        }

        /// <summary>
        /// A configuration that cannot be read is a tool error, not a default: a typo must not
        /// silently switch a gate back on or off.
        /// </summary>
        public static ProjectConfiguration Load(string path)
        {
            string text = UserFiles.ReadText(path, "configuration");
            try
            {
                using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                });
                return new ProjectConfiguration(path, ReadRules(document.RootElement));
            }
            catch (JsonException ex)
            {
                throw new CliError($"{path}: invalid configuration: {ex.Message}");
            }
        }

        private static Dictionary<string, RuleSetting> ReadRules(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw new JsonException("expected an object with \"rules\"");

            var rules = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Name != "rules") throw new JsonException($"unknown key \"{property.Name}\" (expected \"rules\")");
                if (property.Value.ValueKind != JsonValueKind.Object) throw new JsonException("\"rules\" must map rule IDs to error, warning, note or off");

                foreach (JsonProperty rule in property.Value.EnumerateObject())
                {
                    if (!Rules.All.Any(r => r.Id == rule.Name)) throw new JsonException($"unknown rule \"{rule.Name}\" (see kleaklint rules)");
                    rules[rule.Name] = ParseSetting(rule);
                }
            }

            return rules;
        }

        private static RuleSetting ParseSetting(JsonProperty rule) => rule.Value.ValueKind == JsonValueKind.String
            ? rule.Value.GetString() switch
            {
                "error" => new RuleSetting(true, Severity.Error),
                "warning" => new RuleSetting(true, Severity.Warning),
                "note" => new RuleSetting(true, Severity.Note),
                "off" => new RuleSetting(false, Severity.Note),
                string other => throw new JsonException($"rule {rule.Name}: unknown setting \"{other}\" (expected error, warning, note or off)"),
                null => throw new JsonException($"rule {rule.Name}: expected error, warning, note or off"),
            }
            : throw new JsonException($"rule {rule.Name}: expected error, warning, note or off");
    }
}
