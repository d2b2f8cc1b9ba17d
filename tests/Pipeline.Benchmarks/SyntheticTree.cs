using System.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// Deterministic synthetic trees N times the corpus: each corpus package is copied N times under
/// the names <c>&lt;name&gt;</c>, <c>&lt;name&gt;-s2</c> … <c>&lt;name&gt;-sN</c>, with the name in
/// package.json rewritten, so the content (sizes, templates, schemas) is the corpus's own.
/// </summary>
public static class SyntheticTree
{
    private const string Marker = ".synthetic-v1";

    public static string Ensure(string corpusRoot, int factor, string target)
    {
        var marker = Path.Combine(target, Marker);
        if (File.Exists(marker) && File.ReadAllText(marker) == $"{factor}") return target;
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        var source = Path.Combine(corpusRoot, "packages");
        foreach (var letter in Directory.GetDirectories(source).Order(StringComparer.Ordinal))
        {
            foreach (var package in Directory.GetDirectories(letter).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(package);
                for (var copy = 1; copy <= factor; copy++)
                {
                    var newName = copy == 1 ? name : $"{name}-s{copy}";
                    CopyPackage(package, Path.Combine(target, "packages", Path.GetFileName(letter), newName), name, newName);
                }
            }
        }
        File.WriteAllText(marker, $"{factor}");
        return target;
    }

    private static void CopyPackage(string from, string to, string name, string newName)
    {
        foreach (var revision in Directory.GetDirectories(from))
        {
            var revisionTarget = Path.Combine(to, Path.GetFileName(revision));
            Directory.CreateDirectory(revisionTarget);
            foreach (var file in Directory.GetFiles(revision))
            {
                var destination = Path.Combine(revisionTarget, Path.GetFileName(file));
                if (Path.GetFileName(file) == "package.json" && name != newName)
                {
                    var text = File.ReadAllText(file, Encoding.UTF8);
                    File.WriteAllText(destination, text.Replace($"\"{name}\"", $"\"{newName}\""), new UTF8Encoding(false));
                }
                else
                {
                    File.Copy(file, destination);
                }
            }
        }
    }
}
