#!/usr/bin/env bash
# Stamps a checkout for a release: action.yml runs the released image instead of building the
# Dockerfile, and the reusable workflow calls the action at this release's tag, both named after
# the repository the release is made in (a fork stamps its own name, never the canonical one).
#   stamp.sh ROOT OWNER/REPO VERSION
# Fails, naming the file and the pattern, when a line it must rewrite is not there: a release
# whose action.yml still said `image: Dockerfile` would rebuild the image in every user's run.
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: stamp.sh ROOT OWNER/REPO VERSION" >&2
  exit 2
fi
root="$1" repository="$2" version="$3"
if ! [[ "$repository" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
  echo "error: '$repository' is not an OWNER/REPO name" >&2
  exit 1
fi
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-rc\.[0-9]+)?$ ]]; then
  echo "error: '$version' is not a release version (X.Y.Z or X.Y.Z-rc.N)" >&2
  exit 1
fi
image="ghcr.io/${repository,,}:$version"
major="${version%%.*}"
# The name the files carry on the default branch (the canonical home; WorkflowRules.OwnAction).
canonical='universe-pipeline/universe-pipeline'

# Replaces every match of the extended regex $2 in file $1 by $3; fails when none matched.
rewrite() {
  local file="$1" pattern="$2" replacement="$3"
  if [ ! -f "$file" ]; then
    echo "error: $file is missing; cannot stamp it" >&2
    exit 1
  fi
  if ! grep -Eq "$pattern" "$file"; then
    echo "error: $file has no line matching '$pattern'; the release cannot stamp it (was the file reworded?)" >&2
    exit 1
  fi
  sed -E -i.orig "s|$pattern|$replacement|" "$file"
  rm -f "$file.orig"
}

rewrite "$root/action.yml" '^  image: Dockerfile$' "  image: docker://$image"
workflow="$root/.github/workflows/universe.yml"
# The steps that run the action: this exact release, so the workflow and the image always match.
rewrite "$workflow" "^( +- uses: )$canonical@[^ ]+\$" "\\1$repository@v$version"
# The header's caller line: the major tag, which follows compatible releases (what users write).
rewrite "$workflow" "^(#.* uses: )$canonical/\\.github/workflows/universe\\.yml@[^ ]+\$" "\\1$repository/.github/workflows/universe.yml@v$major"
