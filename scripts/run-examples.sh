#!/usr/bin/env bash
# The main job on the bundled examples: make sure libclang is there, build the CLI, and run
# `kleaklint check examples/kernel` headerless. The examples contain three real bugs, so kleaklint
# itself exits 1 (findings); this script exits 0 when the run worked and passes on exit 2 (a usage
# or tool error) and any other failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash scripts/setup.sh --libclang-only

echo "run-examples: building src/Cli (Release)"
dotnet build src/Cli -c Release -nologo -v quiet

echo "run-examples: kleaklint check examples/kernel"
set +e
dotnet src/Cli/bin/Release/net10.0/kleaklint.dll check examples/kernel
status=$?
set -e

case "$status" in
    1)
        echo "run-examples: exit 1 = findings reported, as expected: the examples hold the bugs listed in examples/kernel/EXPECTED"
        exit 0
        ;;
    0)
        echo "run-examples: exit 0 = no findings, but examples/kernel/EXPECTED lists some; the run itself worked"
        exit 0
        ;;
    *)
        echo "run-examples: kleaklint failed with exit $status" >&2
        exit "$status"
        ;;
esac
