#!/usr/bin/env bash
# The analyzers' share of the compiler's CPU time, sampled: compiles the typical mix of run.sh (5,000 interop methods,
# 3 % allocating) with a new compiler process under `perf record`, and counts the samples with a KLeakLint frame on the
# stack against all samples of the process. Unlike ReportAnalyzer's stopwatches this counts no time a callback waits for
# a core or for another thread's garbage collection, and unlike the difference of two builds' CPU times it needs no
# quiet machine. JIT compilation of the analyzers' code counts where the stack shows the analyzer's caller.
#
#   bash bench/analyzer/cpu-share.sh [--runs R] [--methods N] [--allocating P | --heavy] [--out DIR] [--no-build]
#
# --heavy: run.sh's allocation-heavy mix (generate.py's nine shapes in turn) instead of the typical one.
#
# Needs perf (Debian: linux-perf, installed if missing and running as root) and the Release build of src/Analyzers.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3
methods=5000
allocating=3
out=/tmp/kleaklint-analyzer-cpu
build=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --methods) methods="$2"; shift 2 ;;
        --allocating) allocating="$2"; shift 2 ;;
        --heavy) allocating=""; shift ;;
        --out) out="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        *) echo "cpu-share.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

if ! command -v perf >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        apt-get install -y -qq linux-perf >/dev/null
    else
        echo "cpu-share.sh: perf is missing (Debian: apt-get install linux-perf)" >&2
        exit 2
    fi
fi

analyzers="$repo/src/Analyzers/bin/Release/netstandard2.0"
if $build; then dotnet build "$repo/src/Analyzers/Analyzers.csproj" -c Release -nologo -v quiet >/dev/null; fi
[[ -f "$analyzers/KLeakLint.Analyzers.dll" ]] || { echo "cpu-share.sh: $analyzers/KLeakLint.Analyzers.dll missing (build src/Analyzers)" >&2; exit 2; }

# The project of run.sh, built once at detailed verbosity for the compiler's command line.
source "$repo/bench/analyzer/shared.sh"
write_bench_project "$out" "$analyzers"
python3 "$repo/bench/analyzer/generate.py" "$out/src" "$methods" ${allocating:+"allocating=$allocating"}
cd "$out"
dotnet build Bench.csproj -c Release --no-incremental -nologo -nodeReuse:false -v:detailed -p:UseSharedCompilation=false -p:KLeakLint=true > build.log 2>&1 \
    || { echo "cpu-share.sh: build failed, see $out/build.log" >&2; exit 1; }
line=$(grep -m1 -E '/csc(\.dll)? /noconfig' build.log) || { echo "cpu-share.sh: no compiler command line in $out/build.log" >&2; exit 1; }
compiler="$(dirname "$(echo "$line" | awk '{ print $1 }')")/csc.dll"
echo "${line#* /noconfig}" | sed 's#^#/noconfig#' > csc.rsp
[[ -f "$compiler" ]] || { echo "cpu-share.sh: $compiler missing" >&2; exit 1; }

shares=()
for ((r = 1; r <= runs; r++)); do
    # Perf maps name the JIT-compiled methods; without W^X double mapping perf finds their code.
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 999 -g -o "$out/perf.data" -- dotnet "$compiler" @csc.rsp > csc.log 2>&1 \
        || { echo "cpu-share.sh: the compiler failed, see $out/csc.log" >&2; exit 1; }
    share=$(perf script -i "$out/perf.data" -F ip,sym 2>/dev/null | python3 -c '
import sys
samples = ours = 0
in_sample = mentions = False
for line in sys.stdin:
    if line.strip():
        in_sample = True
        mentions = mentions or "KLeakLint" in line
    elif in_sample:
        samples += 1
        ours += mentions
        in_sample = mentions = False
if in_sample:
    samples += 1
    ours += mentions
print(f"{100 * ours / max(samples, 1):.2f} {ours} {samples}")')
    read -r percent ours samples <<< "$share"
    shares+=("$percent")
    echo "run $r: $ours of $samples samples of the compiler process have a KLeakLint frame: ${percent}%"
    find /tmp -maxdepth 1 -name "perf-*.map" -newer "$out/csc.rsp" -delete
done
if [[ -n "$allocating" ]]; then mix="$allocating % allocating"; else mix="allocation-heavy mix"; fi
echo "methods: $methods ($mix), runs: $runs"
echo "KLeakLint's share of the compiler's CPU time (sampled, median): $(median "${shares[@]}")%"
