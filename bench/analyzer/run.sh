#!/usr/bin/env bash
# The analyzers' cost in a real build: generates a library of N interop methods (default 5,000), compiles it with
# and without the KLeakLint analyzers (Release build of src/Analyzers), and prints the analyzers' share of the build.
#
#   bash bench/analyzer/run.sh [--methods N] [--runs R] [--out DIR] [--no-build] [--shapes 0,3 | --allocating P] [--fresh-compiler]
#
# By default four measurements: a typical wrapper library (3 % of the methods manage native memory by hand, the rest
# call native code through SafeHandles, out parameters and marshalled strings) built by a warm compiler server, then
# an allocation-heavy one (generate.py's nine shapes in turn, 5 of 9 allocating) the same way, then the typical one
# again with a new compiler process for every build, as a one-project CI build runs, first timed and then sampled with
# perf (cpu-share.sh: the share of the compiler's CPU samples with a KLeakLint frame on the stack). --allocating P
# measures one mix with P percent allocating; --shapes one with only some of generate.py's shapes (to see what one
# costs); --fresh-compiler makes that one mix use a new compiler process for every build.
#
# Each configuration is compiled R times (default 7) from scratch (--no-incremental) and the fastest run counts: on a
# shared 2-core machine single builds vary by a third, and the analyzers' stopwatch time by up to four times, since it
# counts waits for a core and pauses for other threads' garbage collections.
# Figures: the compiler's own report of the time spent in KLeakLint's analyzers (-p:ReportAnalyzer=true, from the csc
# task's output at detailed verbosity) over the whole build, and the wall-clock difference between the builds with and
# without them, fastest against fastest and as the median of each run's pair. Target: at most 5 % on the typical mix.
#
# A warm compiler server is one in the state a developer's repeated builds leave it: before the runs that count, one
# build without the analyzers and four with them. The runtime compiles the analyzers' code optimized (tier 1) only
# after it has run it in a few builds; counted with DOTNET_JitStdOutFile, that happens in the fifth to seventh build
# (docs/bench.md), so the fastest of the runs that count is one with optimized code. A fresh compiler JIT-compiles the analyzers in every build and runs them unoptimized; for it the
# difference in CPU time is printed too (user + system of the whole build, from /usr/bin/time; other load on a shared
# machine disturbs it least).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
methods=5000
runs=7
out=/tmp/kleaklint-analyzer-bench
build=true
shapes=""
fresh_only=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --methods) methods="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        --shapes) shapes="$2"; shift 2 ;;
        --allocating) shapes="allocating=$2"; shift 2 ;;
        --fresh-compiler) fresh_only=true; shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

analyzers="$repo/src/Analyzers/bin/Release/netstandard2.0"
if $build; then
    dotnet build "$repo/src/Analyzers/Analyzers.csproj" -c Release -nologo -v quiet >/dev/null
fi
[[ -f "$analyzers/KLeakLint.Analyzers.dll" ]] || { echo "run.sh: $analyzers/KLeakLint.Analyzers.dll missing (build src/Analyzers)" >&2; exit 2; }

source "$repo/bench/analyzer/shared.sh"
write_bench_project "$out" "$analyzers"

cd "$out"
dotnet restore Bench.csproj -nologo -v quiet >/dev/null

# One compile from scratch, with the compiler server when $server is true; sets WALL (seconds), CPU (seconds of the
# build's processes) and ANALYZER (seconds in KLeakLint's analyzers, 0 without them).
server=true
measure() {
    local with="$1" log="$out/build-$1-$2.log" start end
    /usr/bin/time -f '%e %U %S' -o "$out/time-$1-$2.txt" \
        dotnet build Bench.csproj -c Release --no-restore --no-incremental -nologo -nodeReuse:false -v:detailed \
        -p:UseSharedCompilation="$server" -p:KLeakLint="$with" -p:ReportAnalyzer=true > "$log" 2>&1 \
        || { echo "run.sh: build failed, see $log" >&2; exit 1; }
    WALL=$(tail -1 "$out/time-$1-$2.txt" | awk '{ print $1 }')
    CPU=$(tail -1 "$out/time-$1-$2.txt" | awk '{ printf "%.2f", $2 + $3 }')
    # csc's report has a line "<seconds>   <percent>   KLeakLint.Analyzers, Version=..." for the assembly (its analyzers
    # follow, indented). The findings stay on: with their IDs in NoWarn the compiler would not run the analyzer at all.
    ANALYZER=$({ grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+KLeakLint\.Analyzers, ' "$log" || true; } | awk '{ s += ($1 ~ /^</) ? 0 : $1 } END { printf "%.3f", s + 0 }')
}

smaller() { [[ -z "$2" ]] || (( $(echo "$1 < $2" | bc) )); }

# One mix of methods: generates it, builds it R times each way, prints the figures.
bench_mix() {
    local label="$1" generate_args="$2"
    rm -f "$out"/src/*.cs
    python3 "$repo/bench/analyzer/generate.py" "$out/src" "$methods" $generate_args
    echo "== $label"
    local best_without="" best_with="" best_analyzer="" cpu_without="" cpu_with="" without without_cpu r
    # Each run builds without and then with the analyzers, so its difference is taken under the same load: the median
    # of those differences follows the machine's drift where the fastest of each side may come from a quiet moment on
    # one side only.
    local wall_diffs=() cpu_diffs=()
    for ((r = 1; r <= runs; r++)); do
        measure false "$r"
        without="$WALL"; without_cpu="$CPU"
        smaller "$WALL" "$best_without" && best_without="$WALL"
        smaller "$CPU" "$cpu_without" && cpu_without="$CPU"
        measure true "$r"
        smaller "$WALL" "$best_with" && best_with="$WALL"
        smaller "$CPU" "$cpu_with" && cpu_with="$CPU"
        smaller "$ANALYZER" "$best_analyzer" && best_analyzer="$ANALYZER"
        echo "run $r: without analyzers ${without}s (${without_cpu}s CPU), with ${WALL}s (${CPU}s CPU; KLeakLint analyzer time ${ANALYZER}s)"
        wall_diffs+=("$(echo "scale=4; 100 * ($WALL - $without) / $WALL" | bc)")
        cpu_diffs+=("$(echo "scale=4; 100 * ($CPU - $without_cpu) / $CPU" | bc)")
    done

    local share delta cpu_share
    share=$(echo "scale=2; 100 * $best_analyzer / $best_with" | bc)
    delta=$(echo "scale=2; 100 * ($best_with - $best_without) / $best_with" | bc)
    cpu_share=$(echo "scale=2; 100 * ($cpu_with - $cpu_without) / $cpu_with" | bc)
    echo "methods: $methods, runs: $runs (fastest of each)"
    echo "build without analyzers: ${best_without}s wall, ${cpu_without}s CPU; with: ${best_with}s wall, ${cpu_with}s CPU"
    echo "KLeakLint analyzer time (ReportAnalyzer): ${best_analyzer}s = ${share}% of the build"
    echo "wall-clock difference: ${delta}% of the build (fastest against fastest); median of the $runs paired runs: $(median "${wall_diffs[@]}")%"
    if $server; then
        echo "(CPU times leave out the compiler server's own process: see the fresh-compiler figures for a CPU share)"
    else
        echo "CPU difference: ${cpu_share}% of the build's CPU time (fastest against fastest); median of the $runs paired runs: $(median "${cpu_diffs[@]}")%"
    fi
}

# Before the runs that count with a compiler server: one build without the analyzers and four with them, not counted
# (the server starts, loads the analyzers and starts compiling their code optimized).
warm_up() {
    local r
    python3 "$repo/bench/analyzer/generate.py" "$out/src" "$methods" allocating=3
    server=true
    measure false 0
    for ((r = 1; r <= 4; r++)); do measure true 0; done
    echo "warm-up: one build without the analyzers and four with them, not counted (the last took ${WALL}s)"
}

if [[ -n "$shapes" ]]; then
    if $fresh_only; then server=false; else warm_up; fi
    bench_mix "methods: generate.py $shapes" "$shapes"
else
    warm_up
    # The mix of a wrapper library: in libgit2sharp's Proxy.cs, SkiaSharp's bindings and SQLitePCL.raw's provider
    # 1.5 % of the method bodies manage native memory by hand (docs/bench.md); 3 % rounds that up.
    bench_mix "typical wrapper library, warm compiler server: 3 % of the methods manage native memory by hand" "allocating=3"
    # Every other method allocates: a stress test, not what a project looks like.
    bench_mix "allocation-heavy, warm compiler server: 5 of 9 methods manage native memory by hand" ""
    server=false
    bench_mix "typical wrapper library, a new compiler process for every build" "allocating=3"
    # The same, sampled: what share of the compiler's CPU time has a KLeakLint frame on the stack.
    echo "== typical wrapper library, a new compiler process, sampled with perf (bench/analyzer/cpu-share.sh)"
    bash "$repo/bench/analyzer/cpu-share.sh" --runs 3 --methods "$methods" --no-build | grep -v '^run ' \
        || echo "(not measured: cpu-share.sh failed; see its message above)"
fi
