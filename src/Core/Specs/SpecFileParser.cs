using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KLeakLint.Core.Specs
{
    /// <summary>
    /// Reads the line-oriented spec format (docs/specs.md):
    /// <code>
    /// family  slab        class=memory  noun=memory  release=kfree
    /// acquire kmalloc     family=slab   at=return    fails=null
    /// acquire path_get    family=path   at=arg0      fails=never
    /// acquire pm_runtime_get_sync family=pm_runtime at=arg0 fails=status on-failure=acquired failure-release=pm_runtime_put_noidle instead=pm_runtime_resume_and_get
    /// release kfree       family=slab   arg=0
    /// consume of_get_next_child arg=1
    /// handoff list_add    arg=0
    /// borrow  memcpy
    /// unowned SafeHandle.DangerousGetHandle
    /// noreturn panic
    /// callback ndo_start_xmit arg=0 family=skb unconsumed-return=16
    /// </code>
    /// </summary>
    internal sealed class SpecFileParser
    {
        private readonly SpecCatalog _catalog;
        private readonly string _source;
        private int _line;

        public SpecFileParser(SpecCatalog catalog, string source)
        {
            _catalog = catalog;
            _source = source;
        }

        public void Parse(string text)
        {
            _line = 0;
            foreach (var rawLine in text.Split('\n'))
            {
                _line++;
                var hash = rawLine.IndexOf('#');
                var line = (hash >= 0 ? rawLine.Substring(0, hash) : rawLine).Trim();
                if (line.Length == 0) continue;
                var words = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2) throw Error("expected '<directive> <name> [key=value...]'");
                if (words[0] == "borrow" || words[0] == "noreturn" || words[0] == "unowned")
                {
                    foreach (var name in words.Skip(1))
                    {
                        if (words[0] == "borrow") _catalog.AddBorrow(name);
                        else if (words[0] == "unowned") _catalog.AddUnowned(name);
                        else _catalog.AddNoReturn(name);
                    }
                    continue;
                }
                var attributes = ParseAttributes(words.Skip(2));
                switch (words[0])
                {
                    case "family": ParseFamily(words[1], attributes); break;
                    case "acquire": ParseAcquire(words[1], attributes, managed: false); break;
                    case "managed": ParseAcquire(words[1], attributes, managed: true); break;
                    case "release": ParseRelease(words[1], attributes); break;
                    case "consume": _catalog.AddConsume(new ConsumeSpec(words[1], RequiredInt(attributes, "arg"))); break;
                    case "handoff": _catalog.AddHandoff(new HandoffSpec(words[1], OptionalInt(attributes, "arg"))); break;
                    case "callback":
                        _catalog.AddCallback(new CallbackSpec(words[1], RequiredInt(attributes, "arg"), Family(attributes.Take("family")),
                            OptionalLong(attributes, "unconsumed-return")));
                        break;
                    default: throw Error("unknown directive '" + words[0] + "'");
                }
                CheckAllUsed(attributes);
            }
        }

        private void ParseFamily(string name, Attributes a)
        {
            var cls = a.Take("class") switch
            {
                "memory" => ResourceClass.Memory,
                "counted" => ResourceClass.Counted,
                var other => throw Error("class must be memory or counted, not '" + other + "'"),
            };
            var noun = (a.TakeOptional("noun") ?? (cls == ResourceClass.Memory ? "memory" : "reference")).Replace('_', ' ');
            var scope = a.TakeOptional("scope");
            if (scope is not null && scope != "error-exits" && scope != "all-exits")
                throw Error("scope must be error-exits or all-exits");
            var strict = a.TakeOptional("strict");
            if (strict is not null && strict != "true" && strict != "false") throw Error("strict must be true or false");
            _catalog.AddFamily(new ResourceFamily(name, cls, noun, a.Take("release")) { LeaksOnlyOnErrorExits = scope == "error-exits", Strict = strict == "true" });
        }

        private void ParseAcquire(string function, Attributes a, bool managed)
        {
            var family = Family(a.TakeOptional("family") ?? (managed ? "managed" : throw Error("missing family=")));
            var location = ParseLocation(a.TakeOptional("at") ?? "return");
            var failure = a.TakeOptional("fails") switch
            {
                null or "null" => FailureSignal.Null,
                "never" => FailureSignal.Never,
                "errptr" => FailureSignal.ErrorPointer,
                "null-or-errptr" => FailureSignal.NullOrErrorPointer,
                "status" => FailureSignal.NegativeStatus,
                var other => throw Error("fails must be never, null, errptr, null-or-errptr or status, not '" + other + "'"),
            };
            var onFailure = a.TakeOptional("on-failure");
            if (onFailure is not null && onFailure != "acquired" && onFailure != "nothing")
                throw Error("on-failure must be acquired or nothing");
            var returnsArg = OptionalInt(a, "returns-arg");
            var failureRelease = a.TakeOptional("failure-release");
            var onSuccess = a.TakeOptional("on-success");
            if (onSuccess is not null && onSuccess != "kept" && onSuccess != "owned")
                throw Error("on-success must be kept or owned");
            var instead = a.TakeOptional("instead");
            _catalog.AddAcquire(new AcquireSpec(function, family, location, failure)
            {
                AcquiredOnFailure = onFailure == "acquired",
                ReturnsArgument = returnsArg,
                Managed = managed,
                FailureRelease = failureRelease,
                KeptOnSuccess = onSuccess == "kept",
                OwnedOnSuccess = onSuccess == "owned",
                Instead = instead,
            });
        }

        private void ParseRelease(string function, Attributes a)
        {
            var families = a.Take("family").Split(',').Select(Family).ToArray();
            var container = a.TakeOptional("container");
            if (container is not null && container != "freed") throw Error("container must be freed");
            _catalog.AddRelease(new ReleaseSpec(function, families, OptionalInt(a, "arg") ?? 0) { FreesContainer = container == "freed" });
        }

        private ResourceLocation ParseLocation(string text)
        {
            if (text == "return") return ResourceLocation.Return;
            if (text.StartsWith("arg", StringComparison.Ordinal) && int.TryParse(text.Substring(3), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                return new ResourceLocation.Argument(i);
            if (text.StartsWith("out", StringComparison.Ordinal) && int.TryParse(text.Substring(3), NumberStyles.None, CultureInfo.InvariantCulture, out var o))
                return new ResourceLocation.OutArgument(o);
            throw Error("at must be return, argN or outN, not '" + text + "'");
        }

        private ResourceFamily Family(string name)
        {
            if (name == "managed" && _catalog.FindFamily(name) is null)
                _catalog.AddFamily(new ResourceFamily("managed", ResourceClass.Memory, "managed resource", "(released by the device)"));
            return _catalog.FindFamily(name) ?? throw Error("unknown family '" + name + "' (declare it with 'family' first)");
        }

        private int RequiredInt(Attributes a, string key) => OptionalInt(a, key) ?? throw Error("missing " + key + "=");

        private long? OptionalLong(Attributes a, string key)
        {
            var text = a.TakeOptional(key);
            if (text is null) return null;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw Error(key + " must be a number, not '" + text + "'");
            return value;
        }

        private int? OptionalInt(Attributes a, string key)
        {
            var text = a.TakeOptional(key);
            if (text is null) return null;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw Error(key + " must be a number, not '" + text + "'");
            return value;
        }

        private Attributes ParseAttributes(IEnumerable<string> words)
        {
            var result = new Attributes(this);
            foreach (var w in words)
            {
                var eq = w.IndexOf('=');
                if (eq <= 0) throw Error("expected key=value, not '" + w + "'");
                result.Values[w.Substring(0, eq)] = w.Substring(eq + 1);
            }
            return result;
        }

        private void CheckAllUsed(Attributes a)
        {
            if (a.Values.Count > 0) throw Error("unknown attribute '" + a.Values.Keys.First() + "'");
        }

        private SpecFormatException Error(string message) => new SpecFormatException(_source, _line, message);

        private sealed class Attributes
        {
            private readonly SpecFileParser _parser;

            public Attributes(SpecFileParser parser) => _parser = parser;

            public Dictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public string Take(string key) => TakeOptional(key) ?? throw _parser.Error("missing " + key + "=");

            public string? TakeOptional(string key)
            {
                if (!Values.TryGetValue(key, out var v)) return null;
                Values.Remove(key);
                return v;
            }
        }
    }
}
