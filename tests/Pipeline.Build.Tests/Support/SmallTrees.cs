namespace Pipeline.Build.Tests.Support;

/// <summary>Small package trees written by the tests themselves.</summary>
public static class SmallTrees
{
    /// <summary>
    /// <c>alpha</c> with three revisions (a pip CLI; CLI binaries and a Kubernetes descriptor; no
    /// CLI) and <c>beta</c>, a selected framework. Returns every file's bytes by
    /// "&lt;name&gt;/&lt;revision&gt;/&lt;file&gt;".
    /// </summary>
    public static Dictionary<string, byte[]> AddAlphaAndBeta(TempPackageTree tree)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Add(string name, int revision, string file, string content) =>
            files[$"{name}/{revision}/{file}"] = tree.Add(name, revision, file, content);

        tree.AddSettings("name: test-universe\ndescription: A small universe\n");

        Add("alpha", 0, "package.json", """
            {"packagingVersion": "3.0", "name": "alpha", "version": "1.0.0", "minDcosReleaseVersion": "1.8",
             "maintainer": "alpha@example.com", "description": "Alpha one", "tags": ["db"]}
            """);
        Add("alpha", 0, "command.json", """{"pip": ["alpha-cli==1.0"]}""");
        Add("alpha", 0, "config.json", """
            {"type": "object", "properties": {"service": {"type": "object", "properties": {
              "name": {"type": "string", "default": "alpha", "description": "The \"name\""}}}}}
            """);
        Add("alpha", 0, "marathon.json.mustache", """{"id": "{{service.name}}", "cpus": 1.0}""");

        Add("alpha", 1, "package.json", """
            {"packagingVersion": "4.0", "name": "alpha", "version": "2.0.0", "minDcosReleaseVersion": "1.10",
             "maintainer": "alpha@example.com", "description": "Alpha two", "tags": ["db"], "upgradesFrom": ["1.0.0"]}
            """);
        Add("alpha", 1, "resource.json", """
            {"cli": {"binaries": {"linux": {"x86-64": {"kind": "executable", "url": "https://example.com/alpha",
              "contentHash": [{"algo": "sha256", "value": "0000000000000000000000000000000000000000000000000000000000000000"}]}}}}}
            """);
        Add("alpha", 1, "marathon.json.mustache", """{"id": "alpha"}""");
        Add("alpha", 1, "kubernetes.yaml.mustache", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: alpha\n");
        Add("alpha", 1, "README.md", "# Alpha\n\nThe second alpha.\n");

        Add("alpha", 2, "package.json", """
            {"packagingVersion": "4.0", "name": "alpha", "version": "3.0.0", "minDcosReleaseVersion": "1.11",
             "maintainer": "team@example.com", "description": "Alpha three", "tags": ["db", "sql"]}
            """);
        Add("alpha", 2, "resource.json", """{"assets": {"uris": {"jar": "https://example.com/alpha.jar"}}}""");
        Add("alpha", 2, "marathon.json.mustache", """{"id": "alpha", "instances": 3}""");

        Add("beta", 0, "package.json", """
            {"packagingVersion": "2.0", "name": "beta", "version": "0.1", "maintainer": "beta@example.com",
             "description": "Beta", "tags": ["queue"], "framework": true, "selected": true}
            """);
        Add("beta", 0, "marathon.json.mustache", """{"id": "beta"}""");
        return files;
    }
}
