namespace Pipeline.Diagnostics;

/// <summary>
/// Every rule the validator knows, in one place. Codes are stable: a code is never reused for a
/// different rule, and retired codes stay reserved. Families: UNI0xx layout, UNI1xx files,
/// UNI2xx semantics, UNI3xx templates, UNI4xx change rules (pull requests). Each rule names the
/// one src/ file that emits it and the test class that proves it; a test holds both to the sources.
/// </summary>
public static class RuleCatalog
{
    // Layout
    public static readonly Rule BadLetterFolder = new("UNI001", RuleFamily.Layout, Severity.Error,
        "Letter folder is not a single upper-case letter",
        "Packages live in packages/<Initial>/<name>/<revision>/ where <Initial> is the upper-case first letter of the name.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule BadPackageFolderName = new("UNI002", RuleFamily.Layout, Severity.Error,
        "Package folder name is not a valid package name",
        "Package names match ^[a-z][a-z0-9-]*[a-z0-9]$: lower-case letters, digits and dashes.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule WrongLetterFolder = new("UNI003", RuleFamily.Layout, Severity.Error,
        "Package is in the wrong letter folder",
        "Move the package folder under the letter folder of its first letter, upper-cased.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule BadRevisionFolder = new("UNI004", RuleFamily.Layout, Severity.Error,
        "Revision folder is not a non-negative integer",
        "Revision folders are named 0, 1, 2, … without leading zeros; the number is the releaseVersion.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule StrayFile = new("UNI005", RuleFamily.Layout, Severity.Warning,
        "File outside a revision folder",
        "Only letter, package and revision folders belong above the revision level; move or delete the file.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UnknownRevisionFile = new("UNI006", RuleFamily.Layout, Severity.Warning,
        "Unknown file in a revision",
        "A revision holds package.json, config.json, resource.json, command.json, README.md and <target>.<format>.mustache descriptors; other files are ignored by clients.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule SymlinkOutsideTree = new("UNI007", RuleFamily.Layout, Severity.Error,
        "Symbolic link points outside the repository",
        "Links are never followed out of the tree; replace the link with the file itself.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule Symlink = new("UNI008", RuleFamily.Layout, Severity.Warning,
        "Symbolic link inside the package tree",
        "Publish real files: links do not survive every checkout, archive or mirror.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule MissingPackageJson = new("UNI009", RuleFamily.Layout, Severity.Error,
        "Revision has no package.json",
        "Every revision folder needs a package.json describing the package.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule FileTooLarge = new("UNI010", RuleFamily.Layout, Severity.Error,
        "File is too large",
        "Package files are small metadata; keep binaries and large assets outside the repository and reference them by URL.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule EmptyFolder = new("UNI011", RuleFamily.Layout, Severity.Warning,
        "Folder holds no package revisions",
        "Delete the empty folder or add a revision to it.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule NameMismatch = new("UNI012", RuleFamily.Layout, Severity.Error,
        "package.json name differs from its folder",
        "The `name` in package.json must equal the package folder name.")
        { CheckedIn = "src/Pipeline.Validation/Rules/PackageJsonRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UnreadableFile = new("UNI013", RuleFamily.Layout, Severity.Error,
        "File cannot be read",
        "Check the file's permissions and that it is a regular file.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule NoPackages = new("UNI014", RuleFamily.Layout, Severity.Warning,
        "The package tree holds no revisions",
        "Point the command at a universe repository root, its packages/ folder, or a Universe checkout's repo/ folder.")
        { CheckedIn = "src/Pipeline.Validation/TreeValidator.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule UnportablePathName = new("UNI015", RuleFamily.Layout, Severity.Error,
        "Name cannot be part of a package path",
        "Rename the file or folder: no backslash, control or invisible characters, none of : * ? \" < > |, no leading or trailing space, no trailing dot, no Windows device name (CON, NUL, COM1 …).")
        { CheckedIn = "src/Pipeline.Diagnostics/Paths/PortablePath.cs", ProvenBy = "Pipeline.Changes.Tests.UnportablePathTests" };

    // Files
    public static readonly Rule InvalidUtf8 = new("UNI100", RuleFamily.Files, Severity.Error,
        "File is not valid UTF-8",
        "Save the file as UTF-8 without a byte order mark.")
        { CheckedIn = "src/Pipeline.Validation/Files/EncodingChecks.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule NonAscii = new("UNI101", RuleFamily.Files, Severity.Warning,
        "File contains non-ASCII characters",
        "Universe's own tooling requires ASCII; escape the character as \\uXXXX in JSON strings, or set policies.asciiOnly: false in universe.yaml.")
        { CheckedIn = "src/Pipeline.Validation/Files/EncodingChecks.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule MalformedJson = new("UNI102", RuleFamily.Files, Severity.Error,
        "File is not well-formed JSON",
        "Fix the JSON syntax at the position given (no comments, no trailing commas).")
        { CheckedIn = "src/Pipeline.Validation/Files/JsonFileReader.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule DuplicateKey = new("UNI103", RuleFamily.Files, Severity.Error,
        "Duplicate key in a JSON object",
        "Clients keep only one of the values; remove the duplicate.")
        { CheckedIn = "src/Pipeline.Validation/Files/JsonFileReader.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule JsonTooDeep = new("UNI104", RuleFamily.Files, Severity.Error,
        "JSON nested too deeply",
        "Package files are shallow documents; flatten the structure.")
        { CheckedIn = "src/Pipeline.Validation/Files/JsonFileReader.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule ByteOrderMark = new("UNI105", RuleFamily.Files, Severity.Warning,
        "File starts with a byte order mark",
        "Save the file as UTF-8 without a BOM.")
        { CheckedIn = "src/Pipeline.Validation/Files/JsonFileReader.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule YamlTooDeep = new("UNI106", RuleFamily.Files, Severity.Error,
        "YAML nested too deeply",
        "universe.yaml and rendered YAML descriptors are shallow documents; flatten the structure.")
        { CheckedIn = "src/Pipeline.Validation/Files/YamlDepth.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule RequiredField = new("UNI110", RuleFamily.Files, Severity.Error,
        "Required field is missing",
        "Add the field; the specification in schema/README.md lists what each packaging version requires.")
        { CheckedIn = "src/Pipeline.Validation/Files/SchemaDiagnostics.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UnknownField = new("UNI111", RuleFamily.Files, Severity.Error,
        "Field is not allowed here",
        "Remove the field or check its spelling; clients reject packages with unknown fields.")
        { CheckedIn = "src/Pipeline.Validation/Files/SchemaDiagnostics.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InvalidFieldValue = new("UNI112", RuleFamily.Files, Severity.Error,
        "Field has an invalid value",
        "Change the value to what the specification allows for this field.")
        { CheckedIn = "src/Pipeline.Validation/Files/SchemaDiagnostics.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UnsupportedPackagingVersion = new("UNI113", RuleFamily.Files, Severity.Error,
        "packagingVersion is missing or unsupported",
        "Set packagingVersion to \"2.0\", \"3.0\", \"4.0\" or \"5.0\" (prefer the newest).")
        { CheckedIn = "src/Pipeline.Validation/Rules/PackageJsonRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InvalidOptionsSchema = new("UNI114", RuleFamily.Files, Severity.Error,
        "config.json is not a usable options schema",
        "config.json is a JSON Schema (Draft 4) whose top level is an object with properties.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ConfigRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InvalidRepositorySettings = new("UNI115", RuleFamily.Files, Severity.Error,
        "universe.yaml has an invalid setting",
        "See schema/README.md for the repository settings and their defaults.")
        { CheckedIn = "src/Pipeline.Validation/Layout/LayoutRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InvalidBaseline = new("UNI116", RuleFamily.Files, Severity.Error,
        "universe-baseline.json is not a valid baseline",
        "Fix the entry as schema/README.md describes, or regenerate the file with `universe baseline`; a baseline that cannot be read is ignored, so every finding counts.")
        { CheckedIn = "src/Pipeline.Validation/Baselines/BaselineFile.cs", ProvenBy = "Pipeline.Validation.Tests.Baselines.BaselineFileTests" };
    public static readonly Rule TooManyFindings = new("UNI117", RuleFamily.Files, Severity.Warning,
        "More findings of one rule in a file than a report lists",
        "A report lists the first 100 findings of each rule in each file and counts the rest here, with their gravest severity; fix those shown and validate again.")
        { CheckedIn = "src/Pipeline.Diagnostics/Reports/FindingLimit.cs", ProvenBy = "Pipeline.Validation.Tests.FindingLimitTests" };

    // Semantics
    public static readonly Rule CommandNotAllowed = new("UNI200", RuleFamily.Semantics, Severity.Error,
        "command.json is only allowed up to packaging 3.0",
        "Packaging 4.0 and later install CLIs from resource.json `cli` binaries; remove command.json or use packagingVersion 3.0.")
        { CheckedIn = "src/Pipeline.Validation/Rules/SemanticRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule CliNeedsDcos18 = new("UNI201", RuleFamily.Semantics, Severity.Error,
        "CLI binaries need minDcosReleaseVersion 1.8 or later",
        "DC/OS before 1.8 cannot install resource.json `cli` binaries: set minDcosReleaseVersion to \"1.8\" or later, or ship a command.json.")
        { CheckedIn = "src/Pipeline.Validation/Rules/SemanticRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InvalidDefault = new("UNI202", RuleFamily.Semantics, Severity.Error,
        "Option default does not satisfy its own schema",
        "Change the default so that it satisfies the option's type, enum, pattern and bounds.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ConfigRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UnknownUpgradeVersion = new("UNI203", RuleFamily.Semantics, Severity.Warning,
        "upgradesFrom/downgradesTo names a version that does not exist",
        "List versions of this package that exist in the repository, or \"*\".")
        { CheckedIn = "src/Pipeline.Validation/Rules/PackageSetRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule InsecureUrl = new("UNI204", RuleFamily.Semantics, Severity.Error,
        "URL is not https",
        "The repository's policies.httpsOnly setting requires https:// URLs.")
        { CheckedIn = "src/Pipeline.Validation/Rules/SemanticRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule BadSha256 = new("UNI205", RuleFamily.Semantics, Severity.Error,
        "sha256 is not 64 hexadecimal digits",
        "Compute the checksum with `sha256sum FILE` and paste the 64-digit hex value.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ResourceRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule BadImageUrl = new("UNI206", RuleFamily.Semantics, Severity.Error,
        "Image or icon is not an absolute URL",
        "Images and icons are absolute http(s) URLs.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ResourceRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule DuplicateVersion = new("UNI207", RuleFamily.Semantics, Severity.Warning,
        "Two revisions share one version string",
        "Each revision of a package should carry a distinct version so clients can tell them apart.")
        { CheckedIn = "src/Pipeline.Validation/Rules/PackageSetRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule RequiredWithoutProperty = new("UNI208", RuleFamily.Semantics, Severity.Warning,
        "config.json requires an option it does not define",
        "Every name in `required` should be defined under `properties`.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ConfigRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule GateDefault = new("UNI209", RuleFamily.Semantics, Severity.Warning,
        "A required option's default fails its own schema",
        "An invalid default forces every user to set the option (a consent gate); say so in the option's description, or drop the default and keep the option required.")
        { CheckedIn = "src/Pipeline.Validation/Rules/ConfigRules.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };

    // Templates
    public static readonly Rule TemplateSyntax = new("UNI300", RuleFamily.Templates, Severity.Error,
        "Template is not valid Mustache",
        "Close every section with {{/name}} in the reverse order it was opened; partials are not supported.")
        { CheckedIn = "src/Pipeline.Validation/Templates/DescriptorChecker.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule UndefinedVariable = new("UNI301", RuleFamily.Templates, Severity.Warning,
        "Template uses a variable the options schema does not define",
        "Define the option in config.json, or fix the variable name; an undefined variable renders as an empty string.")
        { CheckedIn = "src/Pipeline.Validation/Templates/VariableResolver.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule RenderedNotParsable = new("UNI302", RuleFamily.Templates, Severity.Error,
        "Rendered descriptor does not parse",
        "The message quotes the rendered line; fix the template so that, rendered with the default options, it is valid for its format.")
        { CheckedIn = "src/Pipeline.Validation/Templates/DescriptorChecker.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule RenderLimit = new("UNI303", RuleFamily.Templates, Severity.Error,
        "Template rendering exceeded a limit",
        "Descriptors render to small documents; remove runaway sections or repeated expansions.")
        { CheckedIn = "src/Pipeline.Validation/Templates/DescriptorChecker.cs", ProvenBy = "Pipeline.Validation.Tests.HostileInputTests" };
    public static readonly Rule UnknownDescriptorFormat = new("UNI304", RuleFamily.Templates, Severity.Warning,
        "Descriptor format cannot be checked",
        "Descriptors are named <target>.<format>.mustache; json and yaml outputs are parsed after rendering, other formats only rendered.")
        { CheckedIn = "src/Pipeline.Validation/Templates/DescriptorChecker.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };
    public static readonly Rule RenderedDuplicateKey = new("UNI305", RuleFamily.Templates, Severity.Warning,
        "Rendered descriptor repeats a key",
        "Clients keep only the last value of a repeated key; remove the duplicate from the template or guard it with a section.")
        { CheckedIn = "src/Pipeline.Validation/Templates/DescriptorChecker.cs", ProvenBy = "Pipeline.Validation.Tests.RuleCaseTests" };

    // Changes
    public static readonly Rule ReleasedRevisionModified = new("UNI400", RuleFamily.Changes, Severity.Error,
        "A released revision is modified",
        "Released revisions are immutable: clients have already installed them. Put the change in a new revision folder, one above the highest, or have a maintainer set the allow label (policies.allowEditLabel in universe.yaml).")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule ReleasedRevisionDeleted = new("UNI401", RuleFamily.Changes, Severity.Error,
        "A released revision or one of its files is deleted",
        "Restore it: clients and mirrors still refer to released revisions. Only a maintainer's allow label (policies.allowEditLabel in universe.yaml) lets a pull request remove one.")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule ReleasedRevisionMoved = new("UNI402", RuleFamily.Changes, Severity.Error,
        "A released revision or one of its files is renamed or moved",
        "Move it back: a released revision keeps its folder and file names. Put new content in a new revision folder, one above the highest.")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule RevisionNotAbove = new("UNI403", RuleFamily.Changes, Severity.Error,
        "A new revision number is not above every existing one",
        "Number the new revision folder above the package's highest revision on the base branch; gaps are allowed.")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule VersionReused = new("UNI404", RuleFamily.Changes, Severity.Error,
        "A new revision reuses a released version string",
        "Give the new revision a version that no revision of the package has used, such as the upstream version with a packaging suffix (1.2.0-2).")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule PackageRenamed = new("UNI405", RuleFamily.Changes, Severity.Error,
        "A package is renamed",
        "Clients install packages by name: keep the released package under its name, and publish a renamed one as a new package beside it.")
        { CheckedIn = "src/Pipeline.Changes/Rules/ChangeRules.cs", ProvenBy = "Pipeline.Changes.Tests.ChangeRuleTests" };
    public static readonly Rule BaselineGrows = new("UNI406", RuleFamily.Changes, Severity.Error,
        "The baseline accepts a finding the base branch does not",
        "A pull request may shrink universe-baseline.json, but accepting more findings is a change of policy: fix the finding instead, or have a maintainer set the allow label (policies.allowEditLabel in universe.yaml).")
        { CheckedIn = "src/Pipeline.Changes/Rules/BaselineRules.cs", ProvenBy = "Pipeline.Changes.Tests.BaselineChangeTests" };
    public static readonly Rule OptionRemoved = new("UNI407", RuleFamily.Changes, Severity.Error,
        "An option of the previous revision is removed or renamed",
        "`dcos package update` reuses the options operators installed with, so a removed or renamed option either fails their upgrade (an object that allows no other properties rejects the value they still hold) or silently drops their setting. Keep the option (deprecate it in its description and ignore it in the template), or leave the previous version out of upgradesFrom to declare there is no upgrade path. An error when there is an upgrade path (both break the installation), a note without one.")
        { CheckedIn = "src/Pipeline.Changes/Upgrades/OptionComparison.cs", ProvenBy = "Pipeline.Changes.Tests.UpgradeRuleTests" };
    public static readonly Rule OptionNarrowed = new("UNI408", RuleFamily.Changes, Severity.Error,
        "An option's type is changed or narrowed",
        "Values operators set for the previous revision must still pass: keep the type, enum values and bounds (widening, such as integer to number, is fine), or add a new option beside the old one. An error when the previous revision's own default or placeholder is rejected, a warning otherwise (operators' other values may be refused), a note when upgradesFrom declares no upgrade path.")
        { CheckedIn = "src/Pipeline.Changes/Upgrades/OptionComparison.cs", ProvenBy = "Pipeline.Changes.Tests.UpgradeRuleTests" };
    public static readonly Rule NewRequiredOption = new("UNI409", RuleFamily.Changes, Severity.Error,
        "A new required option has no default",
        "Operators upgrading keep their previous options, which do not give the new option: give it a default, or make it optional. An error when there is an upgrade path, a note when upgradesFrom leaves the previous version out.")
        { CheckedIn = "src/Pipeline.Changes/Upgrades/OptionComparison.cs", ProvenBy = "Pipeline.Changes.Tests.UpgradeRuleTests" };
    public static readonly Rule PreviousOptionsRejected = new("UNI410", RuleFamily.Changes, Severity.Error,
        "The new schema rejects the previous revision's options",
        "The previous revision's defaults, with a placeholder for each required option and the new defaults merged under them as Cosmos does on update, must validate against the new config.json. Change the schema so they do, or leave the previous version out of upgradesFrom to declare there is no upgrade path. As a warning it says the schemas were too large or too deep to compare in full (over 10,000 options or 64 levels).")
        { CheckedIn = "src/Pipeline.Changes/Upgrades/UpgradeRules.cs", ProvenBy = "Pipeline.Changes.Tests.UpgradeRuleTests" };
    public static readonly Rule DefaultChanged = new("UNI411", RuleFamily.Changes, Severity.Note,
        "An option's default is changed",
        "Informational: operators upgrading with the options they installed with may keep the previous value while new installs get the new one. Say so in the release notes if the difference matters.")
        { CheckedIn = "src/Pipeline.Changes/Upgrades/OptionComparison.cs", ProvenBy = "Pipeline.Changes.Tests.UpgradeRuleTests" };
    public static readonly Rule BumpNotAllowed = new("UNI412", RuleFamily.Changes, Severity.Error,
        "A bump pull request is not allowed by policies.bump, or does not match its bump metadata",
        "A pull request whose body carries `<!-- universe-bump {...} -->` metadata must add exactly one new revision of the package it names, with the version it names, change nothing else under packages/ nor universe.yaml, and be allowed by the base branch's policies.bump (the package, the framework repository and, where the entry lists authors, the pull request's author). Fix the metadata or the change, or ask the maintainers to extend policies.bump in a pull request of its own.")
        { CheckedIn = "src/Pipeline.Changes/Bumps/BumpCheck.cs", ProvenBy = "Pipeline.Changes.Tests.BumpCheckTests" };

    public static IReadOnlyList<Rule> All { get; } = typeof(RuleCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .Select(f => (Rule)f.GetValue(null)!)
        .OrderBy(r => r.Code, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The rule with this code, or null; a lookup per finding (the baseline asks for each one).</summary>
    public static Rule? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The rule catalog page (schema/RULES.md) in the tool's own repository, which SARIF and
    /// reports link to: a universe's repository is someone else's and holds no such page, and a
    /// link to the main branch stays valid as rules are only ever added.
    /// </summary>
    public const string DocumentationUrl = "https://github.com/universe-pipeline/universe-pipeline/blob/main/schema/RULES.md";

    // After every rule field: static fields are initialized in the order they are written.
    private static readonly Dictionary<string, Rule> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Names = typeof(RuleCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .ToDictionary(f => ((Rule)f.GetValue(null)!).Code, f => f.Name, StringComparer.Ordinal);

    /// <summary>A rule's name: its field name here, or its title in PascalCase for a rule made elsewhere.</summary>
    public static string NameOf(Rule rule) =>
        Names.TryGetValue(rule.Code, out var name) ? name : PascalCase(rule.Title);

    private static string PascalCase(string title)
    {
        var name = new System.Text.StringBuilder();
        var wordStart = true;
        foreach (var c in title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                wordStart = true;
                continue;
            }
            name.Append(wordStart ? char.ToUpperInvariant(c) : c);
            wordStart = false;
        }
        return name.ToString();
    }
}
