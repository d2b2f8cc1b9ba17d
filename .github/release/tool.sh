#!/usr/bin/env bash
# Packs `universe` as a .NET tool package (Universe.Pipeline.VERSION.nupkg) into OUT.
#   tool.sh VERSION REVISION OUT
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: tool.sh VERSION REVISION OUT" >&2
  exit 2
fi
version="$1" revision="$2" out="$3"
cd "$(dirname "$0")/../.."
dotnet pack src/Pipeline.Cli/Pipeline.Cli.csproj -c Release -nologo \
  "-p:Version=$version" "-p:SourceRevisionId=$revision" -p:UniverseFlavour=tool -o "$out"
if ! compgen -G "$out/*.nupkg" >/dev/null; then
  echo "error: dotnet pack wrote no package into $out" >&2
  exit 1
fi
