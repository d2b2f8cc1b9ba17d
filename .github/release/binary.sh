#!/usr/bin/env bash
# Publishes `universe` for one runtime as a self-contained single file, runs it (the matrix runs
# each runtime on its own kind of runner, so the smoke test is native), and archives it as
# OUT/universe-VERSION-RID.tar.gz (.zip for Windows) with the licence.
#   binary.sh RID VERSION REVISION OUT
# Single-file rather than native AOT: the native build refuses the commands that talk to GitHub
# (src/Pipeline.Cli/Commands/DynamicCode.cs).
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: binary.sh RID VERSION REVISION OUT (RID: linux-x64, linux-arm64, osx-arm64, win-x64)" >&2
  exit 2
fi
rid="$1" version="$2" revision="$3" out="$4"
case "$rid" in
  linux-x64 | linux-arm64 | osx-arm64) executable=universe archive="universe-$version-$rid.tar.gz" ;;
  win-x64) executable=universe.exe archive="universe-$version-$rid.zip" ;;
  *)
    echo "error: '$rid' is not a released runtime (linux-x64, linux-arm64, osx-arm64, win-x64)" >&2
    exit 1
    ;;
esac
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# The single-file flavour: src/Pipeline.Cli/Pipeline.Cli.csproj derives every publish property from
# it (self-contained, trimmed, ReadyToRun, one file with LibGit2Sharp's native library inside), as
# the image's build derives its own from UniverseFlavour=container, so the two cannot drift.

dotnet publish "$root/src/Pipeline.Cli/Pipeline.Cli.csproj" -c Release -r "$rid" -nologo \
  -p:UniverseFlavour=single-file "-p:Version=$version" "-p:SourceRevisionId=$revision" -o "$staging/publish"

program="$staging/publish/$executable"
if [ ! -f "$program" ]; then
  echo "error: dotnet publish wrote no $executable for $rid" >&2
  exit 1
fi

# Smoke test: it starts, and validates this repository's example packages.
"$program" --help >/dev/null
(cd "$root" && "$program" validate packages)

mkdir "$staging/archive"
cp "$program" "$root/LICENSE" "$staging/archive/"
rm -f "$out/$archive"
if [ "$rid" = win-x64 ]; then
  # Git Bash on the Windows runners has 7-Zip, not zip.
  if command -v 7z >/dev/null 2>&1; then
    (cd "$staging/archive" && 7z a -tzip -bd "$out/$archive" "$executable" LICENSE >/dev/null)
  else
    (cd "$staging/archive" && zip -q "$out/$archive" "$executable" LICENSE)
  fi
else
  tar -czf "$out/$archive" -C "$staging/archive" "$executable" LICENSE
fi
echo "$out/$archive"
