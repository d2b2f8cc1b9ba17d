#!/usr/bin/env bash
# Writes DIR/SHA256SUMS over every other file in DIR, in sha256sum's format, so a user checks a
# download with `sha256sum -c SHA256SUMS --ignore-missing`.
#   checksums.sh DIR
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: checksums.sh DIR" >&2
  exit 2
fi
cd "$1"
files=()
for file in *; do
  [ -f "$file" ] && [ "$file" != SHA256SUMS ] && files+=("$file")
done
if [ "${#files[@]}" -eq 0 ]; then
  echo "error: $1 holds no files to checksum; did the artifacts download?" >&2
  exit 1
fi
sha256sum -- "${files[@]}" > SHA256SUMS
cat SHA256SUMS
