using System.Reflection;
using System.Runtime.InteropServices;

namespace Pipeline.Cli.Versioning;

/// <summary>
/// Which <c>universe</c> this is: the version and commit MSBuild stamped into the assembly
/// (a release passes -p:Version and -p:SourceRevisionId; SourceLink finds the commit of a local
/// build), the build flavour from the runtime configuration (UniverseFlavour in
/// Pipeline.Cli.csproj), and the runtime it runs on.
/// </summary>
public sealed record UniverseBuild(string Version, string Commit, string Flavour, string Runtime, string RuntimeIdentifier)
{
    /// <summary>The runtime configuration entry Pipeline.Cli.csproj writes the flavour to.</summary>
    public const string FlavourSetting = "Pipeline.Cli.Flavour";

    public const string Unknown = "unknown";

    public static UniverseBuild Current { get; } = Of(
        typeof(UniverseBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
        AppContext.GetData(FlavourSetting) as string);

    /// <summary>From an informational version such as <c>1.0.0+0123abc</c> and the flavour setting, either possibly absent.</summary>
    public static UniverseBuild Of(string? informationalVersion, string? flavour)
    {
        var plus = informationalVersion?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        var version = plus >= 0 ? informationalVersion![..plus] : informationalVersion;
        var commit = plus >= 0 ? informationalVersion![(plus + 1)..] : null;
        return new UniverseBuild(
            OrUnknown(version), OrUnknown(commit), OrUnknown(flavour),
            RuntimeInformation.FrameworkDescription, RuntimeInformation.RuntimeIdentifier);
    }

    /// <summary>The text form: one "name value" pair a line, in a fixed order, for people and for grep.</summary>
    public IReadOnlyList<string> Lines() =>
    [
        $"universe {Version}",
        $"commit {Commit}",
        $"flavour {Flavour}",
        $"runtime {Runtime} {RuntimeIdentifier}",
    ];

    private static string OrUnknown(string? value) => string.IsNullOrWhiteSpace(value) ? Unknown : value;
}
