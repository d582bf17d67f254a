#!/usr/bin/env bash
# What KLeakLint costs on top of clang's own parse: over the real driver files of files.txt, with
# the same flags, times `kleaklint check --kernel` (serial and --jobs 2) against `clang-19
# -fsyntax-only` on each file, one after the other in each round, and prints the ratios.
# See docs/bench.md ("Overhead against clang's parse").
#
# Usage: bench/overhead/run.sh [--rounds N] [--no-build]
#   --rounds N     measurement rounds (default 3); each round runs all three, the best round counts
#   --no-build     use the CLI as built (otherwise `dotnet build src/Cli -c Release` first)
# Environment:
#   KLEAKLINT_KERNEL_SRC   the extracted 6.1 tree (default /var/cache/kleaklint/linux-source-6.1)
#   KLEAKLINT_HEADERS      the --kernel directory (default: the newest /usr/src/linux-headers-*-amd64)
#   CLANG                  the clang to compare with (default clang-19)
# Targets: kleaklint serial <= 1.3 x clang's parse; --jobs 2 >= 1.7 x faster than serial.
# Exit status: 0 when the run worked (the numbers are the output, not a verdict), 1 otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tree="${KLEAKLINT_KERNEL_SRC:-/var/cache/kleaklint/linux-source-6.1}"
headers="${KLEAKLINT_HEADERS:-$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort | tail -n 1)}"
clang="${CLANG:-clang-19}"
rounds=3
build=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "overhead: unknown argument '$1' (see --help)" >&2; exit 1 ;;
    esac
done

say() { echo "overhead: $*" >&2; }

if [[ ! -f "$tree/MAINTAINERS" || -z "$headers" || ! -d "$headers" ]] || ! command -v "$clang" >/dev/null; then
    say "kernel tree, headers or $clang missing; running scripts/setup.sh"
    KLEAKLINT_KERNEL_SRC="$tree" bash "$repo/scripts/setup.sh" >&2
    headers="${KLEAKLINT_HEADERS:-$(ls -d /usr/src/linux-headers-*-amd64 | sort | tail -n 1)}"
fi

if $build; then
    (cd "$repo" && dotnet build src/Cli -c Release -nologo -v q) >&2
fi
bin_dir="$repo/src/Cli/bin/Release/net10.0"
[[ -f "$bin_dir/kleaklint.dll" ]] || { echo "overhead: $bin_dir/kleaklint.dll missing (build failed?)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kleaklint-overhead.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
# Snapshot the CLI so a concurrent rebuild cannot swap assemblies under the run.
cp -a "$bin_dir/." "$work/bin/"
kleaklint=(dotnet "$work/bin/kleaklint.dll")

mapfile -t files < <(grep -v '^[[:space:]]*\(#\|$\)' "$here/files.txt")
cd "$tree"
for f in "${files[@]}"; do
    [[ -f "$f" ]] || { echo "overhead: $tree/$f missing" >&2; exit 1; }
done

# The same flags for both: kleaklint prints the clang command line it parses each file with.
"${kleaklint[@]}" flags "${files[@]}" --kernel "$headers" | sed "s|^clang |$clang |" > "$work/clang.sh"
[[ "$(wc -l < "$work/clang.sh")" -eq "${#files[@]}" ]] || { echo "overhead: kleaklint flags failed" >&2; exit 1; }

# Wall and CPU seconds of one command, as "wall cpu". The first argument is the highest exit status
# that is not a failure: kleaklint exits 1 on findings, clang must exit 0.
measure() {
    local ok="$1" status=0
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || status=$?
    if [[ $status -gt $ok ]]; then
        echo "overhead: '$*' failed with exit $status:" >&2
        tail -n 5 "$work/stderr" >&2
        exit 1
    fi
    # time writes "Command exited with non-zero status 1" first when the command exits 1.
    tail -n 1 "$work/time" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}

say "${#files[@]} files, $clang vs kleaklint $("${kleaklint[@]}" --version | cut -d' ' -f2), headers $headers, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "warm-up (page cache)"
bash -e "$work/clang.sh" > /dev/null 2>&1 || true
"${kleaklint[@]}" check "${files[@]}" --kernel "$headers" --jobs 1 > /dev/null 2>&1 || true

printf '%-6s %22s %22s %22s\n' round "clang serial wall/cpu" "kleaklint -j1 wall/cpu" "kleaklint -j2 wall/cpu"
results="$work/results"
: > "$results"
for ((round = 1; round <= rounds; round++)); do
    read -r clang_wall clang_cpu < <(measure 0 bash -e "$work/clang.sh")
    read -r serial_wall serial_cpu < <(measure 1 "${kleaklint[@]}" check "${files[@]}" --kernel "$headers" --jobs 1)
    read -r jobs2_wall jobs2_cpu < <(measure 1 "${kleaklint[@]}" check "${files[@]}" --kernel "$headers" --jobs 2)
    if [[ -z "$clang_cpu" || -z "$serial_cpu" || -z "$jobs2_cpu" ]]; then
        echo "overhead: a measurement failed (see above)" >&2
        exit 1
    fi
    printf '%-6s %22s %22s %22s\n' "$round" "$clang_wall / $clang_cpu" "$serial_wall / $serial_cpu" "$jobs2_wall / $jobs2_cpu"
    echo "$clang_wall $clang_cpu $serial_wall $serial_cpu $jobs2_wall $jobs2_cpu" >> "$results"
done

# The best round of each: interference from other processes only ever adds time.
awk -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
    function min(a, b) { return a == "" || b < a ? b : a }
    { cw = min(cw, $1); cc = min(cc, $2); sw = min(sw, $3); sc = min(sc, $4); jw = min(jw, $5); jc = min(jc, $6) }
    END {
        printf "best of %d rounds (load average at the end: %s)\n", NR, load
        printf "clang serial:       %6.2f s wall, %6.2f s cpu\n", cw, cc
        printf "kleaklint --jobs 1: %6.2f s wall, %6.2f s cpu\n", sw, sc
        printf "kleaklint --jobs 2: %6.2f s wall, %6.2f s cpu\n", jw, jc
        printf "serial / clang:     %.2fx wall, %.2fx cpu   (target <= 1.3x)\n", sw / cw, sc / cc
        printf "serial / --jobs 2:  %.2fx faster           (target >= 1.7x)\n", sw / jw
        printf "--jobs 2 cpu / --jobs 1 cpu: %.2f (on %d idle cores at most %.2fx faster)\n", jc / sc, 2, 2 * sc / jc
    }' "$results"
