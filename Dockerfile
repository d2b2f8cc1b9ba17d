# The GitHub Action's container: the `universe` program published in a build stage and copied
# into the .NET runtime image. It is a ReadyToRun build (precompiled, JIT available) rather than
# the native AOT one, because Octokit's reflection-based JSON and LibGit2Sharp's native library
# need it (see src/Pipeline.Cli/Commands/DynamicCode.cs). Base images are build arguments so a
# private universe can build from its own registry (air-gapped sites). The runtime is the ASP.NET
# Core one: `universe serve` (Pipeline.Serving) needs the Microsoft.AspNetCore.App framework, and
# without it the program does not start at all (tests/Pipeline.Action.Tests/ContainerTests.cs).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY schema/ schema/
RUN dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release -r linux-x64 --self-contained false \
      -p:PublishAot=false -p:PublishReadyToRun=true -o /app

FROM ${RUNTIME_IMAGE}
# GitHub runs container actions as root and mounts the workspace, owned by another user.
USER root
COPY --from=build /app /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
ENTRYPOINT ["/app/universe"]
CMD ["--help"]
