#!/usr/bin/env bash
# Runs all tests: setup, a Release build of the solution, then every test project under tests/
# with a TRX logger. Ends with exactly one line "N passed, N failed" (totals over all projects);
# exits non-zero if any test failed, a test run broke, or no test ran at all.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Without a setup or a build no test runs; the totals line still ends the output, so CI reads
# "0 passed, 0 failed" and the exit code, not a missing line.
if ! bash scripts/setup.sh; then
    echo "test: setup failed" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

echo "test: dotnet build KLeakLint.sln -c Release"
if ! dotnet build KLeakLint.sln -c Release -nologo; then
    echo "test: build failed" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

results="$repo/TestResults/test-sh"
rm -rf "$results"
mkdir -p "$results"

# Reads one counter (passed, failed, ...) from a TRX file's <Counters .../> element.
trx_counter() {
    { grep -o '<Counters [^>]*>' "$1" || true; } | head -n 1 | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p"
}

passed=0
failed=0
broken=0
shopt -s nullglob
projects=(tests/*/*.csproj)
for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$results/$name.trx"
    echo "test: $name"
    set +e
    dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results"
    status=$?
    set -e

    if [[ ! -f "$trx" ]]; then
        echo "test: $name produced no results (exit $status)" >&2
        broken=$((broken + 1))
        continue
    fi

    project_passed="$(trx_counter "$trx" passed)"
    project_failed="$(trx_counter "$trx" failed)"
    passed=$((passed + ${project_passed:-0}))
    failed=$((failed + ${project_failed:-0}))
    if [[ "$status" -ne 0 && "${project_failed:-0}" -eq 0 ]]; then
        # The host crashed or aborted the run: the failure is not in the counters.
        echo "test: $name exited $status without a failed test; counted as a broken run" >&2
        broken=$((broken + 1))
    fi
done

failed=$((failed + broken))
echo "$passed passed, $failed failed"
if [[ "$failed" -ne 0 || "$passed" -eq 0 ]]; then
    exit 1
fi
