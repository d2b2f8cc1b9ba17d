using System.CommandLine;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Workspace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe render PKG[@VERSION] [--options FILE]... [--set path=value]... [--descriptor NAME]
/// [--app-id ID] [--output DIR] [--config FILE]</c>: the descriptors as Cosmos would install them.
/// </summary>
public static class RenderCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("PKG[@VERSION]") { Description = "The package, and optionally its exact version (default: the latest)." };
        var options = new Option<string[]>("--options") { Description = "A JSON options file, merged over the defaults; repeat to merge several in order." };
        var set = new Option<string[]>("--set") { Description = "An option as path=value (value as JSON when it parses, else a string), merged after the files; repeatable." };
        var descriptor = new Option<string?>("--descriptor") { Description = "Render only this descriptor, e.g. marathon.json or marathon." };
        var appId = new Option<string?>("--app-id") { Description = "The Marathon app id, replacing the template's." };
        var output = new Option<string?>("--output", "-o") { Description = "Write each descriptor to DIR/<target>.<format> instead of standard output." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("render", "Render a package's descriptors with options merged over the defaults and validated.")
        {
            package, options, set, descriptor, appId, output, config,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(package)!, new Settings(
            parsed.GetValue(options) ?? [], parsed.GetValue(set) ?? [], parsed.GetValue(descriptor), parsed.GetValue(appId), parsed.GetValue(output), parsed.GetValue(config)), cancellationToken));
        return command;
    }

    public sealed record Settings(IReadOnlyList<string> OptionFiles, IReadOnlyList<string> Assignments, string? Descriptor, string? AppId, string? Output, string? Config);

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string reference, Settings settings, CancellationToken cancellationToken)
    {
        // Options first: a typo in them is reported before any repository is read.
        var files = new List<JsonObject>();
        foreach (var file in settings.OptionFiles)
        {
            if (ReadOptionsFile(environment.FullPath(file), file, console) is not { } options) return ExitCodes.Failure;
            files.Add(options);
        }
        var assignments = new List<OptionAssignment>();
        foreach (var text in settings.Assignments)
        {
            if (OptionAssignment.Parse(text, out var problem) is not { } assignment)
            {
                console.Error.WriteLine($"universe: --set {problem}");
                return ExitCodes.Failure;
            }
            assignments.Add(assignment);
        }

        var (resolved, failure) = await RepositoryCommandLine.ResolveAsync(reference, settings.Config, environment, console, cancellationToken).ConfigureAwait(false);
        if (resolved?.Package is not { } package) return failure;
        var outcome = PackageRenderer.Render(package, new RenderRequest
        {
            OptionFiles = files,
            Assignments = assignments,
            Descriptor = settings.Descriptor,
            AppId = settings.AppId,
            Source = RepositoryWorkspace.SourceUri(resolved.Repository!),
        });
        if (outcome.Problem is not null)
        {
            console.Error.WriteLine($"universe: {outcome.Problem}");
            return ExitCodes.ContentErrors;
        }
        if (outcome.OptionErrors.Count > 0)
        {
            console.Error.WriteLine($"universe: the options for {package.Name} {package.Version} are invalid:");
            foreach (var error in outcome.OptionErrors) console.Error.WriteLine($"  {error}");
            return ExitCodes.ContentErrors;
        }
        return await WriteAsync(outcome.Descriptors, settings.Output is null ? null : environment.FullPath(settings.Output), console, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> WriteAsync(IReadOnlyList<RenderedDescriptor> descriptors, string? folder, CliConsole console, CancellationToken cancellationToken)
    {
        var failed = false;
        foreach (var descriptor in descriptors)
        {
            var name = descriptor.Name.OutputName;
            if (!descriptor.Succeeded)
            {
                failed = true;
                foreach (var problem in descriptor.Problems) console.Error.WriteLine($"universe: {name}: {problem}");
                continue;
            }
            var text = descriptor.Output!.EndsWith('\n') ? descriptor.Output : descriptor.Output + "\n";
            if (folder is null)
            {
                if (descriptors.Count > 1) console.Out.WriteLine($"==> {name} <==");
                console.Out.Write(text);
                continue;
            }
            try
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(Path.Combine(folder, name), text, cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine($"wrote {Path.Combine(folder, name)}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"universe: cannot write {Path.Combine(folder, name)}: {e.Message}");
                return ExitCodes.Failure;
            }
        }
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static JsonObject? ReadOptionsFile(string path, string shown, CliConsole console)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe: --options {shown}: {e.Message}");
            return null;
        }
        var parsed = JsonParser.Parse(bytes);
        if (parsed.Root is null)
        {
            var problem = parsed.Problems.FirstOrDefault();
            console.Error.WriteLine($"universe: {shown}:{problem?.Position.Line}:{problem?.Position.Column}: {problem?.Message}");
            return null;
        }
        if (parsed.Root.ToJsonNode() is not JsonObject options)
        {
            console.Error.WriteLine($"universe: {shown}: an options file must hold a JSON object");
            return null;
        }
        return options;
    }
}
