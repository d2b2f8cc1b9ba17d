using System.Runtime.InteropServices;

namespace Pipeline.Mirroring.CliInstall;

/// <summary>An operating system and processor as resource.json names them: <c>cli.binaries.&lt;os&gt;.&lt;arch&gt;</c>.</summary>
public sealed record CliPlatform(string OperatingSystem, string Architecture)
{
    public static CliPlatform Linux { get; } = new("linux", "x86-64");

    /// <summary>This machine: linux, darwin or windows; x86-64 for x64, otherwise the runtime's own name in lower case.</summary>
    public static CliPlatform Current { get; } = new(
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin" : "linux",
        RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "x86-64" : RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant());

    public bool IsWindows => OperatingSystem == "windows";

    public override string ToString() => $"{OperatingSystem}/{Architecture}";
}
