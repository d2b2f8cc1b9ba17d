#!/usr/bin/env bash
# Builds the action's image for linux/amd64 and linux/arm64 from the Dockerfile (which
# cross-compiles on the build platform, so no emulation) and pushes it to
# ghcr.io/<owner/repo lower-cased> as VERSION and each alias (X.Y, X), with OCI labels and
# provenance and SBOM attestations. The caller has logged in to ghcr.io.
#   image.sh OWNER/REPO VERSION REVISION "ALIASES"
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: image.sh OWNER/REPO VERSION REVISION \"ALIASES\"" >&2
  exit 2
fi
repository="$1" version="$2" revision="$3" aliases="$4"
cd "$(dirname "$0")/../.."
image="ghcr.io/${repository,,}"
# The tagged commit's time, not the clock's: a re-run of the release builds the same labels.
created="$(git log -1 --format=%cI "$revision")"

tags=(--tag "$image:$version")
for alias in $aliases; do tags+=(--tag "$image:$alias"); done

# Multi-platform images with attestations need a BuildKit builder of its own (docker-container).
docker buildx inspect universe-release >/dev/null 2>&1 \
  || docker buildx create --name universe-release --driver docker-container >/dev/null

# On each platform's image config (docker inspect) and on the index, where ghcr.io reads the
# source to link the package to the repository.
metadata=()
for pair in \
  "source=https://github.com/$repository" \
  "revision=$revision" \
  "version=$version" \
  "licenses=MIT" \
  "created=$created" \
  "title=Universe Pipeline"; do
  metadata+=(--label "org.opencontainers.image.$pair" --annotation "index:org.opencontainers.image.$pair")
done

SOURCE_DATE_EPOCH="$(git log -1 --format=%ct "$revision")" docker buildx build \
  --builder universe-release \
  --platform linux/amd64,linux/arm64 \
  --build-arg "VERSION=$version" \
  --build-arg "SOURCE_REVISION=$revision" \
  "${metadata[@]}" \
  "${tags[@]}" \
  --provenance=mode=max --sbom=true \
  --push \
  .
