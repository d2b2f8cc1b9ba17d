using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Reports;
using Pipeline.Mirroring.Downloads;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.CliInstall;

/// <summary>
/// Installs a package's CLI: the binary resource.json gives for the platform
/// (<c>cli.binaries.&lt;os&gt;.&lt;arch&gt;</c>), downloaded into a staging folder, verified against
/// its sha256, made executable and only then moved into the bin folder; a digest that does not
/// match installs nothing. From a zip only the declared binary (<c>dcos-&lt;package&gt;</c>) is
/// taken, size- and CRC-checked; nothing else in the archive reaches the bin folder. A package with a command.json gets
/// the pip command that installs it instead.
/// </summary>
public sealed class CliInstaller(VerifiedDownloader downloader)
{
    private const long MaxExtractedBytes = 1024L * 1024 * 1024;

    public async Task<CliInstallResult> InstallAsync(PackageDefinition package, string binDirectory, CliPlatform platform, CancellationToken cancellationToken = default)
    {
        var binaries = package.Resource?["cli"]?["binaries"] as JsonObject;
        if (binaries is null)
        {
            if (PipRequirements(package.Command) is { Count: > 0 } requirements)
            {
                var command = "pip install " + string.Join(' ', requirements.Select(ShellText.Word));
                return new CliInstallResult(CliInstallOutcome.PipCommand, $"{package.Name} {package.Version} ships its CLI as a Python package; install it with:") { PipCommand = command };
            }
            return new CliInstallResult(CliInstallOutcome.NotAvailable, $"{package.Name} {package.Version} has no CLI (no cli.binaries in resource.json, no command.json)");
        }
        if (binaries[platform.OperatingSystem]?[platform.Architecture] is not JsonObject binary)
        {
            var offered = binaries.SelectMany(os => (os.Value as JsonObject ?? []).Select(arch => $"{os.Key}/{arch.Key}"));
            return new CliInstallResult(CliInstallOutcome.NotAvailable, $"{package.Name} {package.Version} has no CLI binary for {platform} (it has: {string.Join(", ", offered)})");
        }
        var url = binary["url"] is JsonValue u && u.TryGetValue(out string? text) && Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : null;
        var sha256 = Downloads.Sha256Digest.Normalize(Mirror.ResourceAssets.CliSha256(binary));
        var kind = binary["kind"] is JsonValue k && k.TryGetValue(out string? kindText) ? kindText : "executable";
        if (url is null) return new CliInstallResult(CliInstallOutcome.Failed, $"{package.Name} {package.Version}: the {platform} binary has no valid url");
        // Never install what cannot be verified: resource.json requires a sha256 for CLI binaries.
        if (sha256 is null) return new CliInstallResult(CliInstallOutcome.Failed, $"{package.Name} {package.Version}: the {platform} binary has no sha256 contentHash; nothing was installed");

        Directory.CreateDirectory(binDirectory);
        // Staged beside its destination so the final moves are renames on one file system.
        var staging = Directory.CreateDirectory(Path.Combine(binDirectory, $".universe-install-{Guid.NewGuid():N}")).FullName;
        try
        {
            var download = Path.Combine(staging, Mirror.AssetPaths.Segment(Mirror.AssetPaths.FileName(url)));
            var result = await downloader.DownloadAsync(url, download, sha256, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new CliInstallResult(CliInstallOutcome.Failed, $"{package.Name} {package.Version}: {result.Problem}")
                {
                    HashMismatch = result.HashMismatch,
                    Unreachable = !result.HashMismatch,
                };
            }
            var name = BinaryName(package.Name, url, kind, platform);
            var unpacked = Path.Combine(staging, "unpacked");
            string file;
            if (kind == "zip")
            {
                if (SafeZip.ExtractFile(download, name, unpacked, MaxExtractedBytes, out var problem) is not { } extracted)
                {
                    return new CliInstallResult(CliInstallOutcome.Failed, $"{package.Name} {package.Version}: {problem}");
                }
                file = extracted;
            }
            else
            {
                Directory.CreateDirectory(unpacked);
                file = Path.Combine(unpacked, name);
                File.Move(download, file);
            }
            // Only the declared binary, by its plain name, ever reaches the bin folder.
            var target = Path.Combine(binDirectory, name);
            MakeExecutable(file);
            File.Move(file, target, overwrite: true);
            return new CliInstallResult(CliInstallOutcome.Installed, $"installed {package.Name} {package.Version} CLI for {platform}") { InstalledFiles = [target] };
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
                // A hidden staging folder left behind holds nothing on PATH.
            }
        }
    }

    /// <summary>
    /// The one file installed, a plain file name: an executable's own name, or <c>dcos-&lt;package&gt;</c>
    /// (the DC/OS CLI's convention) when the URL has none and for the binary inside a zip.
    /// </summary>
    private static string BinaryName(string package, Uri url, string kind, CliPlatform platform)
    {
        var name = kind == "zip" ? "download" : Mirror.AssetPaths.FileName(url);
        if (name == "download") name = $"dcos-{package}";
        name = Mirror.AssetPaths.Segment(name);
        return platform.IsWindows && !name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name + ".exe" : name;
    }

    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static List<string>? PipRequirements(JsonObject? command) =>
        (command?["pip"] as JsonArray)?.Select(p => p is JsonValue v && v.TryGetValue(out string? line) ? line.Trim() : null)
            .OfType<string>().Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}
