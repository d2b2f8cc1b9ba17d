using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// Local stand-ins for the Dockerfile's base images, which cannot be pulled here: a Debian
/// bookworm made by debootstrap (with the libraries the official .NET images add), an SDK image of
/// it plus this machine's .NET SDK, CA bundle and NuGet configuration (so a restore inside the build
/// reaches the same package source as the host), and a runtime image of it plus only the shared
/// frameworks the official ASP.NET Core runtime image has (Microsoft.NETCore.App and
/// Microsoft.AspNetCore.App), so a framework the program needs but the image lacks fails here too. Each is built once and kept in the cache's storage;
/// the tags carry the machine's SDK and runtime versions, so a new SDK makes new stand-ins.
/// </summary>
public sealed class StandInImages(Podman podman, ContainerCache cache, ITestOutputHelper log)
{
    private const string DebianMirror = "http://deb.debian.org/debian";

    // What the official runtime-deps image installs on top of Debian (zlib and libstdc++ come with minbase).
    private const string RuntimeLibraries = "ca-certificates,libicu72,libssl3,tzdata";

    public const string Debian = "localhost/universe-standin/debian:bookworm";

    private static readonly string DotnetRoot = FindDotnetRoot();

    public static string Sdk => $"localhost/universe-standin/dotnet-sdk:{Latest(Path.Combine(DotnetRoot, "sdk"))}";

    public static string Runtime => $"localhost/universe-standin/dotnet-aspnet:{RuntimeVersion}";

    private static readonly string[] SharedFrameworks = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"];

    private static string RuntimeVersion => Latest(Path.Combine(DotnetRoot, "shared", SharedFrameworks[0]));

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(Debian, BuildDebianAsync, cancellationToken);
        await EnsureAsync(Sdk, BuildSdkAsync, cancellationToken);
        await EnsureAsync(Runtime, BuildRuntimeAsync, cancellationToken);
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

    private async Task BuildRuntimeAsync(CancellationToken cancellationToken)
    {
        var context = cache.Scratch("runtime-context");
        try
        {
            // The official ASP.NET Core runtime image: the host (muxer and hostfxr) and two shared frameworks, no SDK.
            var dotnet = Directory.CreateDirectory(Path.Combine(context, "dotnet")).FullName;
            File.Copy(Path.Combine(DotnetRoot, "dotnet"), Path.Combine(dotnet, "dotnet"));
            await CopyAsync(Path.Combine(DotnetRoot, "host"), Path.Combine(dotnet, "host"), cancellationToken);
            foreach (var framework in SharedFrameworks)
            {
                var version = Latest(Path.Combine(DotnetRoot, "shared", framework));
                Directory.CreateDirectory(Path.Combine(dotnet, "shared", framework));
                await CopyAsync(Path.Combine(DotnetRoot, "shared", framework, version), Path.Combine(dotnet, "shared", framework, version), cancellationToken);
            }
            File.WriteAllText(Path.Combine(context, "Containerfile"), $"""
                FROM {Debian}
                COPY dotnet/ /usr/share/dotnet/
                RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
                ENV DOTNET_VERSION={RuntimeVersion} \
                    ASPNET_VERSION={RuntimeVersion}
                """);
            await podman.RunCheckedAsync(["build", "-t", Runtime, "-f", Path.Combine(context, "Containerfile"), context], cancellationToken);
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
