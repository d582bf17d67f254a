#!/usr/bin/env bash
# KLeakLint on the real kernel fix corpus: caught / noisy per case, by bug class and API family.
# See docs/bench.md.
#
# Usage: bench/corpus/run.sh [--out DIR] [--jobs N] [--batch N] [--only CASE_ID]... [--no-build] [-- CLANG_ARGS...]
#   --out DIR      where results.json, summary.txt and the materialized cases go
#                  (default /tmp/kleaklint-corpus; nothing is written into the repository)
#   --jobs N       kleaklint processes in parallel (default 2)
#   --batch N      cases per kleaklint process (default 4)
#   --only ID      run just this case (repeatable)
#   --no-build     use the CLI as built, even if sources are newer
#   -- CLANG_ARGS  extra clang arguments handed to kleaklint (e.g. -- -DCONFIG_OF=1)
# Environment:
#   KLEAKLINT_SHARED       the shared/ directory (default: ../shared next to the repository)
#   KLEAKLINT_KERNEL_SRC   the extracted 6.1 tree (default /var/cache/kleaklint/linux-source-6.1)
#   KLEAKLINT_HEADERS      the --kernel directory (default: the newest /usr/src/linux-headers-*-amd64)
# Exit status: 0 when the run worked (the numbers are the output, not a verdict), 1 otherwise.
set -euo pipefail

wall_start=$(date +%s.%N)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${KLEAKLINT_SHARED:-$(cd "$repo/.." && pwd)/shared}"
tree="${KLEAKLINT_KERNEL_SRC:-/var/cache/kleaklint/linux-source-6.1}"
# Debian bumps the ABI number (6.1.0-56, -57, ...) with each upload of the same 6.1.x kernel.
newest_headers() { ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1; }
headers="${KLEAKLINT_HEADERS:-$(newest_headers)}"

out=/tmp/kleaklint-corpus
build=true
pass=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --jobs|--batch|--only|--timeout) pass+=("$1" "$2"); shift 2 ;;
        --no-build) build=false; shift ;;
        --) shift; for a in "$@"; do pass+=("--clang-arg=$a"); done; break ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
    esac
done

say() { echo "bench: $*" >&2; }

if [[ ! -f "$shared/corpus/kernel-fixes.jsonl" || ! -f "$shared/corpus/materialize.py" ]]; then
    echo "bench: no corpus at $shared/corpus (set KLEAKLINT_SHARED)" >&2
    exit 1
fi

if [[ ! -f "$tree/MAINTAINERS" || ! -d "$headers" ]]; then
    say "kernel tree or headers missing; running scripts/setup.sh"
    KLEAKLINT_KERNEL_SRC="$tree" bash "$repo/scripts/setup.sh"
    [[ -n "${KLEAKLINT_HEADERS:-}" ]] || headers="$(newest_headers)"
fi

bin_dir="$repo/src/Cli/bin/Release/net10.0"
dll="$bin_dir/kleaklint.dll"
if $build; then
    # Build when the CLI is missing or any source, spec or project file is newer than it.
    newer=""
    if [[ -f "$dll" ]]; then
        newer=$(find "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" \
            \( -name bin -o -name obj \) -prune -o -type f -newer "$dll" -print -quit)
    fi
    if [[ ! -f "$dll" || -n "$newer" ]]; then
        say "building the CLI (Release)${newer:+; newer: ${newer#$repo/}}"
        if ! (cd "$repo" && dotnet build src/Cli -c Release -nologo -v q) >&2; then
            [[ -f "$dll" ]] || { echo "bench: build failed and there is no CLI to run" >&2; exit 1; }
            say "WARNING: build failed (sources changing under us?); measuring the previous build"
            export KLEAKLINT_BENCH_STALE=1
        fi
    fi
fi
[[ -f "$dll" ]] || { echo "bench: $dll missing (build failed?)" >&2; exit 1; }

mkdir -p "$out"
# Snapshot the CLI so a concurrent rebuild cannot swap assemblies under the run.
snap="$(mktemp -d "${TMPDIR:-/tmp}/kleaklint-bench-bin.XXXXXX")"
manifest="$out/copies.txt"
cleanup() {
    # bench.py removes its copies itself; this catches a python that was killed.
    if [[ -s "$manifest" ]]; then
        while IFS= read -r f; do [[ -n "$f" ]] && rm -f -- "$f"; done < "$manifest"
        : > "$manifest"
    fi
    rm -rf -- "$snap"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cp -a "$bin_dir/." "$snap/"

python3 "$here/bench.py" --kleaklint "$snap/kleaklint" --tree "$tree" --headers "$headers" \
    --shared "$shared" --repo "$repo" --out "$out" --wall-start "$wall_start" "${pass[@]}"
