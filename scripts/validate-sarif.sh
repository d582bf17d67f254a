#!/usr/bin/env bash
# Checks kleaklint's SARIF with Microsoft's SARIF multitool (the official validator: the JSON
# schema plus the SARIF rules, e.g. absolute helpUri, sentence-ending messages). The tests check
# the schema alone; this adds a real SARIF consumer. Installs the multitool from npm into a
# scratch directory, builds kleaklint if needed, validates a report over examples/kernel that has
# findings, a baseline and a suppression. Exits non-zero on any validator error.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm install --silent --prefix "$work/npm" @microsoft/sarif-multitool@5.7.0 >/dev/null
# npm does not run the package's install script, which makes the binary executable.
chmod u+x "$work/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

kleaklint="$repo/src/Cli/bin/Release/net10.0/kleaklint.dll"
[[ -f "$kleaklint" ]] || dotnet build "$repo/src/Cli/Cli.csproj" -c Release -nologo >/dev/null

# A tree with a new finding, one in the baseline and a suppressed one.
mkdir -p "$work/src"
cp "$repo/examples/kernel/slab_cache_leak.c" "$repo/examples/kernel/overwrite_leak.c" "$work/src/"
cd "$work"
dotnet "$kleaklint" baseline write baseline.json src/slab_cache_leak.c 2>/dev/null
sed -i '/buckets = kzalloc(/ s|$| /* kleaklint: ignore KL0004 -- validation sample */|' src/overwrite_leak.c
set +e
dotnet "$kleaklint" check src --baseline baseline.json --format sarif --output report.sarif 2>/dev/null
status=$?
set -e
if [[ "$status" -gt 1 ]]; then
    echo "validate-sarif: kleaklint failed (exit $status)" >&2
    exit 1
fi

for expected in '"baselineState": "unchanged"' '"baselineState": "new"' '"kind": "inSource"'; do
    grep -qF "$expected" report.sarif || { echo "validate-sarif: sample report lacks $expected" >&2; exit 1; }
done

output="$(cd "$work/npm" && npx --no-install sarif-multitool validate "$work/report.sarif" 2>&1)"
echo "$output"
if grep -qE ': error ' <<<"$output"; then
    echo "validate-sarif: the SARIF multitool reported errors" >&2
    exit 1
fi
echo "validate-sarif: report.sarif is valid SARIF 2.1.0"
