using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Build.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;

namespace Pipeline.Build.Dcos;

/// <summary>
/// Reads a DC/OS repository file (<c>universe.json</c>, <c>repo-up-to-X.json</c>) back into the
/// revision folders Universe's <c>generate_package</c> made its package objects from: package.json
/// (the object without the members the build adds), config.json, resource.json, command.json and
/// marathon.json.mustache (the base64 template decoded), the release version as the folder. Built
/// with <see cref="RepositoryBuilder"/>, they give every output of our build (index.json,
/// package files, each release's repository file, downgraded as Universe does) by the same code as
/// a tree on disk, so a repository served from such a file is converted exactly as one built here.
/// A member the build would not write back the same way (a falsy config, a marathon object with
/// more than the template) stays in package.json, where the build copies it as it is.
/// Bad input never throws: a file that is not a JSON object with a <c>packages</c> array is
/// rejected, a package that cannot be read back is left out and named.
/// </summary>
public static class DcosRepositoryReader
{
    public const int MaxReportedProblems = 10;

    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="source">Where the file came from: the tree's root, as problems name it.</param>
    public static DcosRepositoryRead Read(ReadOnlyMemory<byte> json, string source, RepositorySettings settings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return Rejected($"not valid JSON ({e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Rejected("not a JSON object");
            if (!root.TryGetProperty("packages"u8, out var packages) || packages.ValueKind != JsonValueKind.Array)
            {
                return Rejected("no `packages` array");
            }
            var revisions = new List<PackageRevision>();
            var seen = new HashSet<(string, int)>();
            var leftOut = new List<string>();
            var leftOutCount = 0;
            var index = 0;
            foreach (var package in packages.EnumerateArray())
            {
                var problem = ReadPackage(package, source, seen, out var revision);
                if (revision is not null) revisions.Add(revision);
                else if (leftOutCount++ < MaxReportedProblems) leftOut.Add($"packages[{index}]: {problem}");
                index++;
            }
            // The builder takes revisions in tree order: by package name, then release version.
            revisions.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.ReleaseVersion.CompareTo(b.ReleaseVersion));
            return new DcosRepositoryRead(new PackageTree(source, settings, revisions, []), null, leftOut, leftOutCount);
        }
    }

    private static DcosRepositoryRead Rejected(string problem) => new(null, problem, [], 0);

    /// <returns>Why the package is left out, or null when <paramref name="revision"/> holds it.</returns>
    private static string? ReadPackage(JsonElement package, string source, HashSet<(string, int)> seen, out PackageRevision? revision)
    {
        revision = null;
        if (package.ValueKind != JsonValueKind.Object) return "not a JSON object";
        if (!package.TryGetProperty("name"u8, out var nameValue) || nameValue.ValueKind != JsonValueKind.String) return "no `name`";
        var name = nameValue.GetString()!;
        if (name.Length == 0 || name is "." or ".." || name.AsSpan().IndexOfAny('/', '\\') >= 0 || name.Any(char.IsControl))
        {
            return $"`{Shorten(name)}` is not a package name";
        }
        if (!package.TryGetProperty("releaseVersion"u8, out var releaseValue) || !releaseValue.TryGetInt32(out var releaseVersion) || releaseVersion < 0)
        {
            return $"`{name}` has no `releaseVersion` (a whole number)";
        }
        if (!seen.Add((name, releaseVersion))) return $"`{name}` release {releaseVersion} is listed twice";

        var parts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        byte[]? template = null;
        foreach (var member in package.EnumerateObject())
        {
            if (member.Name is KnownParts.Config or KnownParts.Resource or KnownParts.Command && JsonTruthiness.IsTruthy(member.Value)) parts[member.Name] = member.Value;
            else if (member.Name == KnownParts.Marathon && TemplateOf(member.Value) is { } encoded)
            {
                template = Decode(encoded);
                if (template is null) return $"`{name}` release {releaseVersion}: marathon.v2AppMustacheTemplate is not base64";
                if (template.Length > 0) parts[member.Name] = member.Value;
            }
        }

        var folder = new RevisionFolder(source, $"packages/{char.ToUpperInvariant(name[0])}/{name}/{releaseVersion}");
        var files = new List<RevisionFile>
        {
            new(KnownFiles.Package, folder, Write(w => WritePackage(w, package, parts)), Loaded: true),
        };
        foreach (var (part, file) in KnownParts.Files)
        {
            if (part != KnownParts.Marathon && parts.TryGetValue(part, out var value)) files.Add(new RevisionFile(file, folder, Write(value.WriteTo), Loaded: true));
        }
        if (parts.ContainsKey(KnownParts.Marathon)) files.Add(new RevisionFile(KnownFiles.Marathon, folder, template, Loaded: true));
        files.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        revision = new PackageRevision(name, releaseVersion, folder, files);
        return null;
    }

    private static void WritePackage(Utf8JsonWriter writer, JsonElement package, Dictionary<string, JsonElement> parts)
    {
        writer.WriteStartObject();
        foreach (var member in package.EnumerateObject())
        {
            if (member.NameEquals("releaseVersion"u8) || parts.ContainsKey(member.Name)) continue;
            member.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static string? TemplateOf(JsonElement marathon)
    {
        if (marathon.ValueKind != JsonValueKind.Object) return null;
        string? template = null;
        var count = 0;
        foreach (var member in marathon.EnumerateObject())
        {
            count++;
            if (member.NameEquals("v2AppMustacheTemplate"u8) && member.Value.ValueKind == JsonValueKind.String) template = member.Value.GetString();
        }
        // Anything beside the template would be lost by the build's marathon member: keep the object.
        return count == 1 ? template : null;
    }

    private static byte[]? Decode(string base64)
    {
        var bytes = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : null;
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writer)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>The members generate_package adds from a revision's files, and those files.</summary>
    private static class KnownParts
    {
        public const string Config = "config";
        public const string Resource = "resource";
        public const string Command = "command";
        public const string Marathon = "marathon";

        public static readonly (string Part, string File)[] Files =
        [
            (Config, KnownFiles.Config), (Resource, KnownFiles.Resource), (Command, KnownFiles.Command), (Marathon, KnownFiles.Marathon),
        ];
    }
}
