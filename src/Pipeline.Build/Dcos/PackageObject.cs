using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Build.Json;
using Pipeline.Build.Revisions;
using Pipeline.Packages.Documents;

namespace Pipeline.Build.Dcos;

/// <summary>
/// The package object Universe's <c>generate_package</c> makes of a revision: package.json's members
/// in their order, then <c>releaseVersion</c>, <c>resource</c>, <c>marathon</c> (the template as
/// base64), <c>config</c> and <c>command</c>. Each is a dict assignment, so a name package.json
/// already has keeps its place; the file-backed ones are set only when their content is truthy.
/// </summary>
internal sealed class PackageObject
{
    private readonly List<Member> _members = [];
    private readonly int _releaseVersion;
    private readonly ReadOnlyMemory<byte> _marathonTemplate;

    private PackageObject(int releaseVersion, ReadOnlyMemory<byte> marathonTemplate)
    {
        _releaseVersion = releaseVersion;
        _marathonTemplate = marathonTemplate;
    }

    /// <summary><c>minDcosReleaseVersion</c> as text, or null when the package names none.</summary>
    public string? MinDcosReleaseVersion { get; private set; }

    public static PackageObject From(ParsedRevision documents)
    {
        var revision = documents.Revision;
        var marathon = revision.MarathonTemplate?.Content ?? ReadOnlyMemory<byte>.Empty;
        var package = new PackageObject(revision.ReleaseVersion, marathon);
        var root = documents.Package;
        foreach (var member in ObjectMembers.Of(root.Root, root.MayRepeatNames))
        {
            package._members.Add(new Member(JsonElementText.NameOf(member.Property), Source.Element, member.Value, root.MayRepeatNames, member.Property));
        }
        package.Set("releaseVersion", Source.ReleaseVersion);
        package.SetIfTruthy("resource", documents.Resource);
        if (!marathon.IsEmpty) package.Set("marathon", Source.MarathonTemplate);
        package.SetIfTruthy("config", documents.Config);
        package.SetIfTruthy("command", documents.Command);
        package.MinDcosReleaseVersion = package.Find("minDcosReleaseVersion") is { } min ? TextOf(min.Element) : null;
        return package;
    }

    public void Write(CanonicalJsonWriter writer, PackageForm form)
    {
        var downgrade = form == PackageForm.DowngradedToV3 && !KeepsPackagingVersion();
        writer.StartObject();
        foreach (var member in _members)
        {
            if (downgrade && member.Name is "upgradesFrom" or "downgradesTo") continue;
            WriteName(writer, member);
            if (downgrade && member.Name == PackageFields.PackagingVersion) writer.String("3.0");
            else if (form == PackageForm.DowngradedToV3 && member.Name == "config") ConfigEscaping.WriteConfig(writer, member.Element, member.MayRepeatNames);
            else WriteValue(writer, member);
        }
        if (downgrade && Find(PackageFields.PackagingVersion) is null)
        {
            writer.PropertyName(PackageFields.Utf8.PackagingVersion);
            writer.String("3.0");
        }
        writer.EndObject();
    }

    /// <summary>
    /// True when the downgraded form is certainly the same as the universe form: the packaging
    /// version stays and the config's text holds no escaped quote that the escaping would double.
    /// </summary>
    public bool DowngradeChangesNothing =>
        KeepsPackagingVersion()
        && (Find("config") is not { } config
            || config.Source != Source.Element
            || JsonMarshal.GetRawUtf8Value(config.Element).IndexOf((byte)'\\') < 0);

    /// <summary>Universe downgrades every package to packaging 3.0 unless its packagingVersion is "2.0" or "3.0".</summary>
    private bool KeepsPackagingVersion() =>
        Find(PackageFields.PackagingVersion) is { Source: Source.Element } version
        && (JsonElementText.StringEquals(version.Element, "2.0"u8) || JsonElementText.StringEquals(version.Element, "3.0"u8));

    private void WriteValue(CanonicalJsonWriter writer, Member member)
    {
        switch (member.Source)
        {
            case Source.ReleaseVersion:
                writer.Number(_releaseVersion);
                break;
            case Source.MarathonTemplate:
                writer.StartObject();
                writer.PropertyName("v2AppMustacheTemplate"u8);
                writer.Base64String(_marathonTemplate.Span);
                writer.EndObject();
                break;
            default:
                writer.Element(member.Element, member.MayRepeatNames);
                break;
        }
    }

    private static void WriteName(CanonicalJsonWriter writer, Member member)
    {
        if (member.Property is { } property) writer.PropertyName(property);
        else writer.PropertyName(member.Name);
    }

    private void SetIfTruthy(string name, ParsedJson? document)
    {
        if (document is null || !JsonTruthiness.IsTruthy(document.Root)) return;
        Set(new Member(name, Source.Element, document.Root, document.MayRepeatNames, null));
    }

    private void Set(string name, Source source) => Set(new Member(name, source, default, false, null));

    private void Set(Member member)
    {
        var index = _members.FindIndex(m => m.Name == member.Name);
        if (index < 0)
        {
            _members.Add(member);
            return;
        }
        // The name keeps its place and its original spelling in the text.
        _members[index] = member with { Property = _members[index].Property };
    }

    private Member? Find(string name)
    {
        foreach (var member in _members)
        {
            if (member.Name == name) return member;
        }
        return null;
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonElementText.Of(value),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private enum Source
    {
        Element,
        ReleaseVersion,
        MarathonTemplate,
    }

    private sealed record Member(string Name, Source Source, JsonElement Element, bool MayRepeatNames, JsonProperty? Property);
}
