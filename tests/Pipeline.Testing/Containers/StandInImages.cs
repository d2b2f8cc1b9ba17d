using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// Local stand-ins for the Dockerfile's base images, which cannot be pulled here: a Debian
/// bookworm made by debootstrap, an SDK image of it plus this machine's .NET SDK, CA bundle and
/// NuGet configuration (so a restore inside the build reaches the same package source as the
/// host), and a runtime-deps image holding, on scratch, only the files of the packages the
/// official chiseled runtime-deps image carries (no shell, no package manager, no ICU, no tzdata),
/// so a library the program loads but that image lacks fails here too. Each is built once and
/// kept in the cache's storage; the SDK's tag carries the machine's SDK version and the
/// runtime-deps tag a hash of its recipe, so either changing makes a new stand-in.
/// </summary>
public sealed class StandInImages(Podman podman, ContainerCache cache, ITestOutputHelper log)
{
    private const string DebianMirror = "http://deb.debian.org/debian";

    // What the official runtime-deps image installs on top of Debian (zlib and libstdc++ come with minbase).
    private const string RuntimeLibraries = "ca-certificates,libicu72,libssl3,tzdata";

    public const string Debian = "localhost/universe-standin/debian:bookworm";

    private static readonly string DotnetRoot = FindDotnetRoot();

    public static string Sdk => $"localhost/universe-standin/dotnet-sdk:{Latest(Path.Combine(DotnetRoot, "sdk"))}";

    public static string RuntimeDeps => $"localhost/universe-standin/dotnet-runtime-deps:chiseled-{RuntimeDepsRecipe.Tag}";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(Debian, BuildDebianAsync, cancellationToken);
        await EnsureAsync(Sdk, BuildSdkAsync, cancellationToken);
        await EnsureAsync(RuntimeDeps, BuildRuntimeDepsAsync, cancellationToken);
    }

    private async Task EnsureAsync(string image, Func<CancellationToken, Task> build, CancellationToken cancellationToken)
    {
        if (await podman.ImageExistsAsync(image, cancellationToken))
        {
            ContainerProcess.Write(log, $"{image}: cached");
            return;
        }
        var started = DateTime.UtcNow;
        ContainerProcess.Write(log, $"{image}: building");
        await build(cancellationToken);
        ContainerProcess.Write(log, $"{image}: built in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    }

    private async Task BuildDebianAsync(CancellationToken cancellationToken)
    {
        var root = cache.Scratch("debian-rootfs");
        var tarball = Path.Combine(cache.Folder, "scratch", "debian-rootfs.tar");
        try
        {
            await ContainerProcess.RunCheckedAsync("debootstrap",
                ["--variant=minbase", $"--include={RuntimeLibraries}", "bookworm", root, DebianMirror],
                log, cancellationToken, echo: IsDebootstrapStage);
            // apt's downloaded packages and lists are not part of an image.
            foreach (var folder in new[] { "var/cache/apt/archives", "var/lib/apt/lists" }.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists))
            {
                foreach (var file in Directory.EnumerateFiles(folder).Where(file => Path.GetFileName(file) != "lock")) File.Delete(file);
            }
            await ContainerProcess.RunCheckedAsync("tar", ["--numeric-owner", "-C", root, "-cf", tarball, "."], log, cancellationToken);
            await podman.RunCheckedAsync(["import", "--change", "CMD [\"/bin/bash\"]", tarball, Debian], cancellationToken);
        }
        finally
        {
            ContainerCache.Remove(root);
            File.Delete(tarball);
        }
    }

    private async Task BuildSdkAsync(CancellationToken cancellationToken)
    {
        var context = cache.Scratch("sdk-context");
        try
        {
            await CopyAsync(DotnetRoot, Path.Combine(context, "dotnet"), cancellationToken);
            File.Copy("/etc/ssl/certs/ca-certificates.crt", Path.Combine(context, "ca-certificates.crt"));
            var nugetConfig = MachineNuGetConfig();
            if (nugetConfig is not null) File.Copy(nugetConfig, Path.Combine(context, "NuGet.Config"));
            File.WriteAllText(Path.Combine(context, "Containerfile"), $"""
                FROM {Debian}
                COPY dotnet/ /usr/share/dotnet/
                COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
                {(nugetConfig is null ? "" : "COPY NuGet.Config /root/.nuget/NuGet/NuGet.Config")}
                RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
                ENV DOTNET_ROOT=/usr/share/dotnet \
                    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
                    NUGET_CERT_REVOCATION_MODE=offline \
                    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
                    DOTNET_NOLOGO=1 \
                    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
                """);
            await podman.RunCheckedAsync(["build", "--network", "host", "-t", Sdk, "-f", Path.Combine(context, "Containerfile"), context], cancellationToken);
        }
        finally
        {
            ContainerCache.Remove(context);
        }
    }

    private async Task BuildRuntimeDepsAsync(CancellationToken cancellationToken)
    {
        var context = cache.Scratch("runtime-deps-context");
        try
        {
            var containerfile = Path.Combine(context, "Containerfile");
            File.WriteAllText(containerfile, RuntimeDepsRecipe.Containerfile(Debian));
            await podman.RunCheckedAsync(["build", "-t", RuntimeDeps, "-f", containerfile, context], cancellationToken);
        }
        finally
        {
            ContainerCache.Remove(context);
        }
    }

    /// <summary>debootstrap's stages and problems, without its line per package.</summary>
    private static bool IsDebootstrapStage(string line) =>
        !new[] { "I: Retrieving", "I: Validating", "I: Extracting", "I: Unpacking", "I: Configuring" }.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal));

    private Task CopyAsync(string from, string to, CancellationToken cancellationToken) =>
        ContainerProcess.RunCheckedAsync("cp", ["-a", from, to], log, cancellationToken);

    /// <summary>The NuGet configuration the host's restores use (NuGet's per-user file), or null.</summary>
    private static string? MachineNuGetConfig()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var path = Path.Combine(home, ".nuget", "NuGet", "NuGet.Config");
        return File.Exists(path) ? path : null;
    }

    /// <summary>The dotnet folder this test host runs from (…/shared/Microsoft.NETCore.App/VERSION/ is its runtime).</summary>
    private static string FindDotnetRoot()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        return runtime.Parent!.Parent!.Parent!.FullName;
    }

    private static string Latest(string folder) =>
        Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .OrderBy(name => Version.TryParse(name.Split('-')[0], out var version) ? version : new Version()).Last();
}
