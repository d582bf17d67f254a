#!/usr/bin/env bash
# Compiles examples/kernel/*.c with clang -fsyntax-only against the installed Debian kernel
# headers, with kbuild's x86_64 module flags (see FACTS.md), so the examples stay real kernel
# code and not just something KLeakLint's headerless prelude accepts.
# Usage: scripts/syntax-check-examples.sh [HEADERS_DIR]   (default: /usr/src/linux-headers-*-amd64)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clang="${CLANG:-clang-19}"

headers="${1:-}"
if [[ -z "$headers" ]]; then
    headers="$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [[ -z "$headers" || ! -f "$headers/Makefile" ]]; then
    echo "syntax-check-examples: no kernel headers found; run scripts/setup.sh" >&2
    exit 2
fi
common="${headers%-amd64}-common"

H="$headers"
C="$common"
flags=(
    -fsyntax-only -nostdinc
    -I"$C/arch/x86/include" -I"$H/arch/x86/include/generated" -I"$C/include" -I"$H/include"
    -I"$C/arch/x86/include/uapi" -I"$H/arch/x86/include/generated/uapi" -I"$C/include/uapi"
    -I"$H/include/generated/uapi"
    -include "$C/include/linux/compiler-version.h" -include "$C/include/linux/kconfig.h"
    -include "$C/include/linux/compiler_types.h"
    -D__KERNEL__ -DCC_USING_FENTRY -DMODULE -std=gnu11 -fshort-wchar
    -Wall -Wno-address-of-packed-member -Wno-gnu-variable-sized-type-not-at-end
)

status=0
for file in "$repo"/examples/kernel/*.c; do
    name="$(basename "$file" .c)"
    if "$clang" "${flags[@]}" -DKBUILD_BASENAME="\"$name\"" -DKBUILD_MODNAME="\"$name\"" "$file"; then
        echo "ok      examples/kernel/$name.c"
    else
        echo "FAILED  examples/kernel/$name.c" >&2
        status=1
    fi
done
exit "$status"
