using Pipeline.Diagnostics.Runs;
using Pipeline.Mirroring.Images;

namespace Pipeline.Cli.Commands;

/// <summary>The image options of <c>universe mirror</c> (--images, --platform, --push-to, --concurrency) checked, and the registry client they need.</summary>
public static class MirrorImageOptions
{
    public sealed record Choices(IReadOnlyList<ImagePlatform> Platforms, PushTarget? PushTo);

    /// <summary>The parsed --platform and --push-to values, or null after saying which is wrong.</summary>
    public static Choices? Parse(CliConsole console, MirrorCommand.Settings settings)
    {
        if (settings.Concurrency < 1)
        {
            console.Error.WriteLine("universe mirror: --concurrency must be 1 or more");
            return null;
        }
        if (!settings.Images && (settings.Platforms.Count > 0 || settings.PushTo is not null))
        {
            console.Error.WriteLine("universe mirror: --platform and --push-to go with --images");
            return null;
        }
        var platforms = new List<ImagePlatform>();
        foreach (var text in settings.Platforms)
        {
            if (ImagePlatform.Parse(text) is not { } platform)
            {
                console.Error.WriteLine($"universe mirror: --platform `{text}` is not OS/ARCH or OS/ARCH/VARIANT");
                return null;
            }
            platforms.Add(platform);
        }
        PushTarget? pushTo = null;
        if (settings.PushTo is not null && (pushTo = PushTarget.Parse(settings.PushTo)) is null)
        {
            console.Error.WriteLine($"universe mirror: --push-to `{settings.PushTo}` is not a registry as host[:port][/prefix]");
            return null;
        }
        return new Choices(platforms, pushTo);
    }

    /// <summary>A registry client with the credentials of the Docker config.json ($DOCKER_CONFIG, else ~/.docker); a notice about unsupported helpers is printed once.</summary>
    public static RegistryClient Registries(CliConsole console, ProcessEnvironment environment, HttpClient http)
    {
        var credentials = RegistryCredentials.Load(RegistryCredentials.ConfigPath(environment["DOCKER_CONFIG"], environment["HOME"]));
        if (credentials.Notice is { } notice) console.Error.WriteLine($"universe mirror: note: {notice}");
        var limits = new RegistryLimits();
        return new RegistryClient(http, new RegistryAuthenticator(http, credentials, limits), limits);
    }
}
