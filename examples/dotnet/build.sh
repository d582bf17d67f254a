#!/usr/bin/env bash
# Packs KLeakLint.Analyzers from this checkout into artifacts/feed, then builds the KvStore example against that
# package the way a user's project would (PackageReference, nuget.config with only that folder as a source: no
# network needed). The findings show in the build output as warnings.
#
#   bash examples/dotnet/build.sh          # build and show the output
#   bash examples/dotnet/build.sh --check  # also compare the KL findings with EXPECTED; exit 1 on a difference
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="$here/artifacts"
check=false
[[ "${1:-}" == "--check" ]] && check=true

# A fresh folder each time: a package of the same version in a NuGet cache would hide a rebuilt analyzer, and a
# compiler that finds its outputs up to date would print no warnings.
rm -rf "$artifacts"
mkdir -p "$artifacts/feed"
export NUGET_PACKAGES="$artifacts/packages"

echo "build.sh: dotnet pack src/Analyzers.Package"
dotnet pack "$repo/src/Analyzers.Package/Analyzers.Package.csproj" -c Release -o "$artifacts/feed" -nologo -v quiet -nodeReuse:false

echo "build.sh: dotnet build KvStore"
dotnet build "$here/KvStore/KvStore.csproj" -c Release -nologo -nodeReuse:false --configfile "$here/nuget.config" \
    | tee "$artifacts/build.log"

$check || exit 0

# FILE:LINE:RULE for each KL warning; dotnet build may print a warning more than once, so whole lines are made unique.
grep ': warning KL' "$artifacts/build.log" | sort -u \
    | sed -n 's|^.*/KvStore/\([^/(]*\)(\([0-9]*\),[0-9]*): warning \(KL[0-9]*\):.*$|\1:\2:\3|p' | sort \
    > "$artifacts/actual.txt"
grep -v '^#' "$here/EXPECTED" | sed '/^$/d' | sort > "$artifacts/expected.txt"
if diff -u "$artifacts/expected.txt" "$artifacts/actual.txt"; then
    echo "build.sh: the findings match EXPECTED ($(wc -l < "$artifacts/expected.txt"))"
else
    echo "build.sh: the findings differ from EXPECTED (- expected, + actual)" >&2
    exit 1
fi
