#!/usr/bin/env bash
# Installs what KLeakLint needs on Debian 12 (the .NET 10 SDK is expected to be there already):
# libclang and clang 19, the kernel headers (for --kernel), bear/make/gcc (to record a module's compile
# database) and the kernel source, extracted to
# /var/cache/kleaklint/ for the corpus tests. Idempotent: installs only what is missing, runs
# `apt-get update` only when something is, and extracts the source only once.
#
# Usage: scripts/setup.sh [--libclang-only]
#   --libclang-only        install just libclang (enough for headerless checks and the examples)
#   KLEAKLINT_KERNEL_SRC   where the extracted kernel source lives
#                          (default: /var/cache/kleaklint/linux-source-6.1)
set -euo pipefail

say() { echo "setup: $*"; }

libclang_only=false
case "${1:-}" in
    "") ;;
    --libclang-only) libclang_only=true ;;
    *) echo "usage: scripts/setup.sh [--libclang-only]" >&2; exit 2 ;;
esac

if $libclang_only; then
    packages=(libclang1-19)
else
    # linux-headers-amd64 (the meta package) pulls the headers matching linux-source-6.1;
    # an older pinned linux-headers-6.1.0-N would differ from the source.
    # bear, make and gcc build a module against the headers to record a real compile database (tests).
    packages=(libclang1-19 clang-19 linux-source-6.1 linux-headers-amd64 xz-utils bear make gcc)
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    fi
fi

as_root() {
    if [[ "$(id -u)" -ne 0 && ${#sudo_cmd[@]} -eq 0 ]]; then
        echo "setup: '$*' needs root and sudo is not installed; run this script as root" >&2
        exit 1
    fi
    "${sudo_cmd[@]}" "$@"
}

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    say "packages already installed: ${packages[*]}"
else
    say "installing ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
    say "warning: 'dotnet' not found; install the .NET 10 SDK to build KLeakLint"
fi

if $libclang_only; then
    exit 0
fi

kernel_src="${KLEAKLINT_KERNEL_SRC:-/var/cache/kleaklint/linux-source-6.1}"
tarball=/usr/src/linux-source-6.1.tar.xz
if [[ -f "$kernel_src/MAINTAINERS" ]]; then
    say "kernel source already extracted at $kernel_src"
    exit 0
fi

if [[ -e "$kernel_src" ]] && [[ -n "$(ls -A "$kernel_src" 2>/dev/null)" ]]; then
    echo "setup: $kernel_src exists but is not a kernel tree (no MAINTAINERS); remove it or set KLEAKLINT_KERNEL_SRC" >&2
    exit 1
fi

if [[ ! -f "$tarball" ]]; then
    echo "setup: $tarball is missing although linux-source-6.1 is installed; try: apt-get install --reinstall linux-source-6.1" >&2
    exit 1
fi

# Extract next to the target and rename at the end: an interrupted run leaves a .partial directory
# to retry, never a half tree that the MAINTAINERS check above would take for complete.
partial="$kernel_src.partial"
say "extracting $tarball to $kernel_src (takes about a minute)"
start=$SECONDS
as_root rm -rf "$partial"
as_root mkdir -p "$partial"
as_root tar -xJf "$tarball" -C "$partial" --strip-components=1
as_root rm -rf "$kernel_src"
as_root mv "$partial" "$kernel_src"
say "kernel source ready at $kernel_src ($((SECONDS - start)) s)"
