#!/usr/bin/env bash
# Makes the release commit, a child of the checked-out (tagged) commit in which action.yml runs the
# released image and the reusable workflow calls this release (stamp.sh), and force-pushes the
# tag vVERSION and each alias tag (vX.Y, vX) onto it, all or none (--atomic).
#   release-commit.sh OWNER/REPO VERSION "ALIASES" REMOTE
# GIT_TOKEN, when set, authenticates the push to an https remote; it is passed to git through the
# environment, never on a command line or in .git/config.
# A re-run makes the same commit (same tree, parent, author and dates), so it pushes nothing new.
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: release-commit.sh OWNER/REPO VERSION \"ALIASES\" REMOTE" >&2
  exit 2
fi
repository="$1" version="$2" aliases="$3" remote="$4"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(git rev-parse --show-toplevel)"
cd "$root"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "error: the checkout at $root has uncommitted changes; the release commit must hold only the stamp" >&2
  exit 1
fi

bash "$here/stamp.sh" "$root" "$repository" "$version"
git add action.yml .github/workflows/universe.yml

# Who and when come from the tagged commit, not the clock, so the commit is the same on a re-run.
when="$(git log -1 --format=%cI HEAD)"
export GIT_AUTHOR_NAME='github-actions[bot]' GIT_COMMITTER_NAME='github-actions[bot]'
export GIT_AUTHOR_EMAIL='41898282+github-actions[bot]@users.noreply.github.com'
export GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL" GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when"
git -c commit.gpgsign=false commit -q \
  -m "Release $version" \
  -m "action.yml runs ghcr.io/${repository,,}:$version and the reusable workflow calls $repository@v$version."
commit="$(git rev-parse HEAD)"

refs=("$commit:refs/tags/v$version")
for alias in $aliases; do refs+=("$commit:refs/tags/v$alias"); done

if [ -n "${GIT_TOKEN:-}" ]; then
  credentials="$(printf 'x-access-token:%s' "$GIT_TOKEN" | base64 | tr -d '\n')"
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="http.https://github.com/.extraheader"
  export GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $credentials"
fi
git push --force --atomic --quiet "$remote" "${refs[@]}"
echo "release commit $commit, tagged ${refs[*]#*:refs/tags/}"
