using Pipeline.Testing;

namespace Pipeline.Site.Tests.Support;

/// <summary>Where Chromium and the test artifacts are on this machine (the checkout and the corpus: Pipeline.Testing).</summary>
internal static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool HasChromium => File.Exists(ChromiumPath);

    public const string NoChromium = "Chromium is absent at /usr/bin/chromium (apt-get install chromium); Playwright never downloads a browser here";

    /// <summary>Screenshots and other files a person looks at after a run.</summary>
    public static string ScreenshotsFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryFolders.Root, "artifacts", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}

/// <summary>A test that drives a real headless Chromium over the corpus site; skipped, saying why, without either.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(bool needsCorpus = true)
    {
        if (!TestEnvironment.HasChromium) Skip = TestEnvironment.NoChromium;
        else if (needsCorpus && SharedCorpus.MissingReason is { } reason) Skip = reason;
    }
}
