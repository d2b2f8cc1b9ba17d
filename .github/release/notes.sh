#!/usr/bin/env bash
# Prints the release notes (Markdown): how to use exactly this release, named after the
# repository it is made in.
#   notes.sh OWNER/REPO VERSION
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: notes.sh OWNER/REPO VERSION" >&2
  exit 2
fi
repository="$1" version="$2"
major="${version%%.*}"
image="ghcr.io/${repository,,}:$version"
fence='```'

cat <<NOTES
## Universe Pipeline $version

A downstream universe calls the reusable workflow (the README shows the whole file):

${fence}yaml
    uses: $repository/.github/workflows/universe.yml@v$version
${fence}

or \`@v$major\` to follow every compatible release. The action on its own:

${fence}yaml
      - uses: $repository@v$version
${fence}

It runs the prebuilt image \`$image\` (linux/amd64, linux/arm64), which never builds in your run:

${fence}sh
docker pull $image
${fence}

The \`universe\` command, as a .NET tool from this release's package:

${fence}sh
gh release download v$version --repo $repository --pattern '*.nupkg'
dotnet tool install --global Universe.Pipeline --version $version --add-source .
${fence}

or as a single-file binary below (linux-x64, linux-arm64, osx-arm64, win-x64). Check a download with:

${fence}sh
sha256sum -c SHA256SUMS --ignore-missing
${fence}
NOTES
