#!/usr/bin/env bash
# Reads a release tag (vX.Y.Z, or a pre-release vX.Y.Z-rc.N) and prints, as GITHUB_OUTPUT lines:
#   version=X.Y.Z[-rc.N]  minor=X.Y  major=X  prerelease=true|false
#   aliases=the floating versions to move onto this release ("X.Y X", fewer or none)
# A pre-release never moves an alias, and neither does a release older than one already tagged in
# the same series (a patch to 1.2 after 1.3.0 moves v1.2, not v1), so `@v1` only ever goes forward.
# Run inside a clone that has the tags (the workflow checks out with fetch-depth: 0).
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: version.sh TAG (vX.Y.Z or vX.Y.Z-rc.N)" >&2
  exit 2
fi
tag="$1"
stable='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'
candidate='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)-rc\.[1-9][0-9]*$'
if [[ "$tag" =~ $stable ]]; then
  prerelease=false
elif [[ "$tag" =~ $candidate ]]; then
  prerelease=true
else
  echo "error: the tag '$tag' is not a release tag: expected vX.Y.Z or vX.Y.Z-rc.N (e.g. v1.2.0, v1.2.0-rc.1)" >&2
  exit 1
fi
major="${BASH_REMATCH[1]}"
minor="$major.${BASH_REMATCH[2]}"
version="${tag#v}"
core="$minor.${BASH_REMATCH[3]}"

# The highest stable release among the tags in a series (v1.2.* or v1.*.*), this one included.
highest() {
  { echo "$core"; git tag --list "v$1.*" 2>/dev/null | grep -E "$stable" | sed 's/^v//'; } | sort -V | tail -n 1
}

aliases=""
if [ "$prerelease" = false ]; then
  [ "$(highest "$minor")" = "$core" ] && aliases="$minor"
  [ "$(highest "$major")" = "$core" ] && aliases="${aliases:+$aliases }$major"
fi

echo "version=$version"
echo "minor=$minor"
echo "major=$major"
echo "prerelease=$prerelease"
echo "aliases=$aliases"
