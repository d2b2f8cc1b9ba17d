#!/usr/bin/env bash
# Creates the GitHub release of tag vVERSION with every file in DIR and NOTES as its text; when
# the release exists already (a re-run), replaces its files and text instead. Needs GH_TOKEN.
#   publish.sh VERSION PRERELEASE(true|false) NOTES DIR
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: publish.sh VERSION PRERELEASE NOTES DIR" >&2
  exit 2
fi
version="$1" prerelease="$2" notes="$3" dir="$4"
tag="v$version"
files=("$dir"/*)
if [ ! -e "${files[0]}" ]; then
  echo "error: $dir holds no files to release" >&2
  exit 1
fi

if gh release view "$tag" >/dev/null 2>&1; then
  gh release upload "$tag" "${files[@]}" --clobber
  gh release edit "$tag" --title "Universe Pipeline $version" --notes-file "$notes" "--prerelease=$prerelease"
else
  flags=()
  [ "$prerelease" = true ] && flags+=(--prerelease)
  gh release create "$tag" "${files[@]}" --verify-tag --title "Universe Pipeline $version" --notes-file "$notes" "${flags[@]}"
fi
