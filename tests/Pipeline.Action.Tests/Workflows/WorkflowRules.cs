using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Action.Tests.Workflows;

/// <summary>
/// The hardening rules every workflow in .github/workflows keeps: third-party actions pinned by a
/// commit SHA with the version in a comment, least permissions per job (writes only where the
/// allow-list says), and no secret or event text expanded inside a <c>run:</c> script, where it
/// would be shell code. Returns what breaks them, one message per problem.
/// </summary>
internal static partial class WorkflowRules
{
    /// <summary>
    /// This repository's own action, called by its reusable workflow at the same tag: a commit
    /// cannot contain its own SHA, so it is the one reference not pinned.
    /// </summary>
    public const string OwnAction = "universe-pipeline/universe-pipeline";

    /// <param name="file">The workflow's file name, for messages.</param>
    /// <param name="yaml">The workflow's text.</param>
    /// <param name="writes">Per job id, the scopes it may hold with write access.</param>
    /// <param name="ownAction">The repository's own action (another name in a release commit made in a fork).</param>
    public static IReadOnlyList<string> Check(string file, string yaml, IReadOnlyDictionary<string, string[]> writes, string ownAction = OwnAction)
    {
        var problems = new List<string>();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        if (Child(root, "permissions") is { } top) CheckNoWrites($"{file}: workflow-level permissions", top, [], problems);
        if (Child(root, "jobs") is not YamlMappingNode jobs)
        {
            problems.Add($"{file}: no jobs");
            return problems;
        }
        foreach (var (key, value) in jobs.Children)
        {
            var id = ((YamlScalarNode)key).Value!;
            var job = (YamlMappingNode)value;
            if (Child(job, "permissions") is not { } permissions) problems.Add($"{file}: job `{id}` has no job-level permissions");
            else CheckNoWrites($"{file}: job `{id}`", permissions, writes.TryGetValue(id, out var allowed) ? allowed : [], problems);
            if (Child(job, "uses") is YamlScalarNode called) CheckPinned($"{file}: job `{id}`", called.Value!, ownAction, yaml, problems);
            if (Child(job, "steps") is not YamlSequenceNode steps) continue;
            foreach (var step in steps.Children.OfType<YamlMappingNode>())
            {
                if (Child(step, "uses") is YamlScalarNode uses)
                {
                    CheckPinned($"{file}: job `{id}`", uses.Value!, ownAction, yaml, problems);
                    // A checkout that keeps the token in .git/config hands it to whatever runs next
                    // with the workspace, including code and images built from the pull request.
                    if (uses.Value!.StartsWith("actions/checkout@", StringComparison.Ordinal)
                        && !(Child(step, "with") is YamlMappingNode with && Child(with, "persist-credentials") is YamlScalarNode { Value: "false" }))
                    {
                        problems.Add($"{file}: job `{id}` checks out without `persist-credentials: false`");
                    }
                }
                if (Child(step, "run") is YamlScalarNode run && UntrustedExpression().Match(run.Value!) is { Success: true } match)
                {
                    problems.Add($"{file}: job `{id}` expands `{match.Value}` inside run:; pass it through env: instead");
                }
            }
        }
        return problems;
    }

    private static void CheckNoWrites(string where, YamlNode permissions, string[] allowed, List<string> problems)
    {
        if (permissions is YamlScalarNode all)
        {
            if (all.Value is not ("read-all" or "{}" or "")) problems.Add($"{where}: permissions `{all.Value}`; name each scope instead");
            return;
        }
        foreach (var (scope, access) in ((YamlMappingNode)permissions).Children)
        {
            var name = ((YamlScalarNode)scope).Value!;
            if (((YamlScalarNode)access).Value == "write" && !allowed.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"{where} holds `{name}: write`, which its allow-list does not grant");
            }
        }
    }

    private static void CheckPinned(string where, string uses, string ownAction, string yaml, List<string> problems)
    {
        if (uses.StartsWith("./", StringComparison.Ordinal)) return;
        var at = uses.LastIndexOf('@');
        var action = at < 0 ? uses : uses[..at];
        if (string.Equals(action, ownAction, StringComparison.OrdinalIgnoreCase)
            || action.StartsWith(ownAction + "/", StringComparison.OrdinalIgnoreCase)) return;
        if (at < 0 || !Sha().IsMatch(uses[(at + 1)..]))
        {
            problems.Add($"{where} uses `{uses}`, not pinned to a 40-hex commit SHA");
            return;
        }
        // The parsed YAML drops comments; the version comment is read from the line itself.
        var line = yaml.Split('\n').FirstOrDefault(l => l.Contains("uses: " + uses, StringComparison.Ordinal));
        if (line is null || !VersionComment().IsMatch(line[(line.IndexOf(uses, StringComparison.Ordinal) + uses.Length)..]))
        {
            problems.Add($"{where} uses `{uses}` without its version in a trailing comment (`# v1.2.3`)");
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();

    [GeneratedRegex(@"^\s+#\s*v\d")]
    private static partial Regex VersionComment();

    /// <summary>
    /// An expression in a script that names a secret, the event's text (titles, branch names,
    /// bodies), the pushed ref's name (a tag is text too), or a value carried from it (inputs, job and
    /// step outputs, matrix values).
    /// </summary>
    [GeneratedRegex(@"\$\{\{[^}]*\b(secrets\.|github\.event\.|github\.head_ref|github\.ref|needs\.|steps\.|matrix\.|inputs\.)[^}]*\}\}")]
    private static partial Regex UntrustedExpression();
}
