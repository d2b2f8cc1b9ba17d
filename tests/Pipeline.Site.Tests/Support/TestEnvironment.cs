namespace Pipeline.Site.Tests.Support;

/// <summary>Where the repository, the shared corpus, Chromium and the test artifacts are on this machine.</summary>
internal static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The Universe corpus in ../shared beside the checkout, or null when it is absent.</summary>
    public static string? CorpusRoot
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "universe", "repo"));
            return Directory.Exists(Path.Combine(path, "packages")) ? path : null;
        }
    }

    public static bool HasChromium => File.Exists(ChromiumPath);

    public const string NoCorpus = "the Universe corpus is absent: it is read from ../shared/corpus/universe/repo beside the checkout";
    public const string NoChromium = "Chromium is absent at /usr/bin/chromium (apt-get install chromium); Playwright never downloads a browser here";

    /// <summary>Screenshots and other files a person looks at after a run.</summary>
    public static string ScreenshotsFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryRoot, "artifacts", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("the tests run from inside the repository");
    }
}

/// <summary>A test that needs the shared Universe corpus; skipped, saying why, without it.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (TestEnvironment.CorpusRoot is null) Skip = TestEnvironment.NoCorpus;
    }
}

/// <summary>A test that drives a real headless Chromium over the corpus site; skipped, saying why, without either.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(bool needsCorpus = true)
    {
        if (!TestEnvironment.HasChromium) Skip = TestEnvironment.NoChromium;
        else if (needsCorpus && TestEnvironment.CorpusRoot is null) Skip = TestEnvironment.NoCorpus;
    }
}
