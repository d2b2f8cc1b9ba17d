using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;
using Pipeline.Validation.Layout;

namespace Pipeline.Validation.Tests.Layout;

/// <summary>
/// Each fact the tree reader records becomes one diagnostic with the rule, severity, place and
/// wording the reader used to give it itself: the reports stay byte for byte what they were.
/// </summary>
public sealed class LayoutRulesTests
{
    public static TheoryData<LayoutFinding, string> Findings() => new()
    {
        { new StrayEntry("packages/x.txt", "x.txt", TreeLevel.PackagesFolder),
            "packages/x.txt: warning UNI005: x.txt sits directly in packages/; only letter folders belong there" },
        { new StrayEntry("packages/A/x.txt", "x.txt", TreeLevel.LetterFolder),
            "packages/A/x.txt: warning UNI005: x.txt sits in a letter folder; only package folders belong there" },
        { new StrayEntry("packages/A/a/x.txt", "x.txt", TreeLevel.PackageFolder),
            "packages/A/a/x.txt: warning UNI005: x.txt sits in a package folder; only revision folders (0, 1, 2, …) belong there" },
        { new MisnamedLetterFolder("packages/b", "b"),
            "packages/b: error UNI001: letter folder `b` must be a single upper-case letter A–Z" },
        { new MisnamedPackageFolder("packages/C/Capital", "Capital"),
            "packages/C/Capital: error UNI002: package folder `Capital` is not a valid package name: use lower-case letters, digits and inner dashes, starting with a letter" },
        { new MisplacedPackageFolder("packages/D/elsewhere", "elsewhere", "D"),
            "packages/D/elsewhere: error UNI003: package `elsewhere` is in packages/D/ but belongs in packages/E/" },
        { new MisnamedRevisionFolder("packages/G/good/01", "01", "good"),
            "packages/G/good/01: error UNI004: revision folder `01` of `good` must be a non-negative integer without leading zeros" },
        { new EmptyTreeFolder("packages/Q", "Q", TreeLevel.LetterFolder),
            "packages/Q: warning UNI011: letter folder `Q` holds no packages" },
        { new EmptyTreeFolder("packages/Q/quiet", "quiet", TreeLevel.PackageFolder),
            "packages/Q/quiet: warning UNI011: package folder `quiet` holds no revision folders" },
        { new UnknownRevisionEntry("packages/G/good/0/extra", "extra", IsFolder: true),
            "packages/G/good/0/extra: warning UNI006: folder `extra` inside a revision is ignored by clients" },
        { new UnknownRevisionEntry("packages/G/good/0/x.json", "x.json", IsFolder: false),
            "packages/G/good/0/x.json: warning UNI006: `x.json` is not a revision file and is ignored by clients" },
        { new RevisionWithoutPackageJson("packages/H/hollow/0", "hollow", 0),
            "packages/H/hollow/0: error UNI009: revision 0 of `hollow` has no package.json" },
        { new RefusedLink("packages", "link `packages` points to `/x`, outside the repository; it is not followed"),
            "packages: error UNI007: link `packages` points to `/x`, outside the repository; it is not followed" },
        { new FollowedLink("packages/L/l/0/config.json", "config.json", "../shared.json"),
            "packages/L/l/0/config.json: warning UNI008: `config.json` is a link to `../shared.json`" },
        { new UnportableEntryName("packages/A/a/0/CON"),
            "packages/A/a/0/CON: error UNI015: `CON` cannot be part of a package path: `CON` is a device name on Windows" },
        { new OversizedRevisionFile("packages/B/big/0/config.json", "config.json", 2048, 1024),
            "packages/B/big/0/config.json: error UNI010: `config.json` is 2,048 bytes; package files are limited to 1,024 bytes" },
        { new UnreadableEntry("packages/U", "Access denied", IsFolder: true),
            "packages/U: error UNI013: folder cannot be listed: Access denied" },
        { new UnreadableEntry("packages/U/u/0/config.json", "Access denied", IsFolder: false),
            "packages/U/u/0/config.json: error UNI013: Access denied" },
        { new UnreadableSettings("universe.yaml", "2,000,000 bytes", TooLarge: true, 1024 * 1024),
            "universe.yaml: error UNI010: universe.yaml is too large: 2,000,000 bytes; settings files are limited to 1,048,576 bytes" },
        { new UnreadableSettings("universe.yaml", "Access denied", TooLarge: false, 1024 * 1024),
            "universe.yaml: error UNI013: universe.yaml cannot be read: Access denied" },
        { new SettingsProblem("universe.yaml", 3, 5, SettingsProblemKind.TooDeep, "deeper than 64"),
            "universe.yaml:3:5: error UNI106: universe.yaml is nested too deeply: deeper than 64; the settings were not read" },
        { new SettingsProblem("universe.yaml", 1, 7, SettingsProblemKind.InvalidYaml, "unclosed"),
            "universe.yaml:1:7: error UNI115: universe.yaml is not valid YAML: unclosed" },
        { new SettingsProblem("universe.yaml", 2, 1, SettingsProblemKind.InvalidSetting, "unknown setting `polices`"),
            "universe.yaml:2:1: error UNI115: unknown setting `polices`" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void WordsEachFindingAsItsRule(LayoutFinding finding, string expected)
    {
        var diagnostic = LayoutRules.Diagnose(finding);

        diagnostic.Should().NotBeNull();
        diagnostic!.ToString().Should().Be(expected);
        diagnostic.Hint.Should().Be(RuleCatalog.Find(diagnostic.Code)!.Hint);
    }

    [Fact]
    public void EveryKindOfFindingTheReaderRecordsIsWordedAbove()
    {
        var kinds = typeof(LayoutFinding).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LayoutFinding)) && !t.IsAbstract);
        var worded = Findings().Select(row => row[0].GetType()).ToHashSet();

        kinds.Should().NotBeEmpty().And.OnlyContain(t => worded.Contains(t), "a new kind of finding needs its rule and wording in LayoutRules, and a row here");
    }
}
