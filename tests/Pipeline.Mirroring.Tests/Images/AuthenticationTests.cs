using System.Text;
using Pipeline.Mirroring.Images;

namespace Pipeline.Mirroring.Tests.Images;

public sealed class AuthenticationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("universe-docker-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AChallengeKeepsCommasInsideQuotedValues()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:team/app:pull,push\"");

        challenge!.Scheme.Should().Be("Bearer");
        challenge["realm"].Should().Be("https://auth.example.com/token");
        challenge["service"].Should().Be("registry.example.com");
        challenge["scope"].Should().Be("repository:team/app:pull,push");
    }

    [Fact]
    public void CredentialsComeFromAuthsAndHelpersAreNamedOnce()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("robot:p4ss:word"));
        File.WriteAllText(Path.Combine(_folder, "config.json"), $$$"""
            {"auths": {"https://index.docker.io/v1/": {"auth": "{{{encoded}}}"}, "registry.site:5000": {"auth": "{{{encoded}}}"}, "broken": {"auth": "!!"}},
             "credHelpers": {"gcr.io": "gcloud"}}
            """);

        var credentials = RegistryCredentials.Load(RegistryCredentials.ConfigPath(_folder, "/home/nobody"));

        credentials.Count.Should().Be(2);
        credentials.For("docker.io").Should().Be(new RegistryCredential("robot", "p4ss:word"));
        credentials.For("registry.site:5000")!.ToString().Should().NotContain("p4ss");
        credentials.Notice.Should().Contain("credential helpers").And.Contain("not supported");
    }

    [Fact]
    public void TheConfigIsTakenFromDockerConfigElseHome()
    {
        RegistryCredentials.ConfigPath("/etc/docker-config", "/home/me").Should().Be(Path.Combine("/etc/docker-config", "config.json"));
        RegistryCredentials.ConfigPath(null, "/home/me").Should().Be(Path.Combine("/home/me", ".docker", "config.json"));
        RegistryCredentials.Load(Path.Combine(_folder, "absent.json")).Count.Should().Be(0);
    }
}
