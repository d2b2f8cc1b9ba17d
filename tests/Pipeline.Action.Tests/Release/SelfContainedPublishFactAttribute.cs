namespace Pipeline.Action.Tests.Release;

/// <summary>
/// A fact that publishes `universe` self-contained for linux-x64: it runs on Linux x64 only, and
/// needs the runtime packs of the installed runtime (restored from a feed or already in the NuGet
/// cache). Where the cache lacks them this test would only measure the network, so it is skipped.
/// </summary>
public sealed class SelfContainedPublishFactAttribute : FactAttribute
{
    public SelfContainedPublishFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Skip = "publishes and runs the linux-x64 binary, so needs Linux on x64";
        }
        else if (MissingRuntimePack() is { } pack)
        {
            Skip = $"the NuGet cache has no {pack} {Environment.Version}, which a self-contained publish restores";
        }
    }

    private static string? MissingRuntimePack()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new[] { "microsoft.netcore.app.runtime.linux-x64", "microsoft.aspnetcore.app.runtime.linux-x64" }
            .FirstOrDefault(pack => !Directory.Exists(Path.Combine(cache, pack, Environment.Version.ToString())));
    }
}
