namespace Pipeline.Packages.Model;

/// <summary>
/// A meta-framework descriptor file name, <c>&lt;target&gt;.&lt;format&gt;.mustache</c>:
/// <c>marathon.json.mustache</c> → target "marathon", format "json".
/// </summary>
public readonly record struct DescriptorName(string Target, string Format)
{
    public const string Suffix = ".mustache";

    public string FileName => $"{Target}.{Format}{Suffix}";

    /// <summary>The name without the template suffix, as the index lists it: "marathon.json".</summary>
    public string OutputName => $"{Target}.{Format}";

    public bool IsMarathon => Target == "marathon" && Format == "json";

    public static bool TryParse(string fileName, out DescriptorName name)
    {
        name = default;
        if (!fileName.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        var stem = fileName[..^Suffix.Length];
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || dot == stem.Length - 1) return false;
        name = new DescriptorName(stem[..dot], stem[(dot + 1)..]);
        return true;
    }
}
