# The GitHub Action's container: `universe` published self-contained, trimmed and ReadyToRun (the
# UniverseFlavour=container build, src/Pipeline.Cli/Pipeline.Cli.csproj) onto a runtime-deps base:
# no .NET runtime to carry, no shell, no package manager. ReadyToRun, not native AOT: Octokit's
# reflection-based JSON needs the JIT (src/Pipeline.Cli/Commands/DynamicCode.cs).
# The build stage runs on the build machine and cross-publishes for TARGETARCH, so
# `--platform linux/amd64,linux/arm64` builds without emulation; the final stage has no RUN.
# Base images are build arguments so a private universe can build from its own registry.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
ARG VERSION=1.0.0
ARG SOURCE_REVISION=
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY schema/ schema/
# Without --platform, TARGETARCH may be unset: the target is then this (build) machine.
RUN case "${TARGETARCH:-$(uname -m)}" in \
      amd64|x86_64) rid=linux-x64 ;; \
      arm64|aarch64) rid=linux-arm64 ;; \
      *) echo "unsupported TARGETARCH ${TARGETARCH}: amd64 or arm64" >&2; exit 1 ;; \
    esac \
 && dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release -r "$rid" -p:UniverseFlavour=container \
      -p:Version="$VERSION" -p:SourceRevisionId="$SOURCE_REVISION" -o /app

FROM ${RUNTIME_IMAGE}
ARG VERSION=1.0.0
ARG SOURCE_REVISION=
ARG SOURCE_URL=https://github.com/universe-pipeline/universe-pipeline
LABEL org.opencontainers.image.title="Universe Pipeline" \
      org.opencontainers.image.description="Validates, builds and publishes a universe of packages; the universe-pipeline GitHub Action" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${SOURCE_REVISION}" \
      org.opencontainers.image.source="${SOURCE_URL}"
# GitHub runs container actions as root and mounts the workspace, owned by another user; the
# chiseled image's default user (app) could not write there.
USER 0:0
COPY --from=build /app /app
ENTRYPOINT ["/app/universe"]
CMD ["--help"]
