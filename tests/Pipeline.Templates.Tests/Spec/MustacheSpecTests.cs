using Xunit.Abstractions;

namespace Pipeline.Templates.Tests.Spec;

/// <summary>
/// Every case of the Mustache spec, optional modules included, against the renderer. Where Cosmos
/// renders differently on purpose the case is listed in <see cref="CosmosDifferences"/> with the
/// reason; every other case must give exactly the expected output, and every listed case must
/// really differ, so the list cannot go stale.
/// </summary>
public class MustacheSpecTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, string> Cases()
    {
        var rows = new TheoryData<string, int, string>();
        foreach (var file in MustacheSpec.FileNames())
        {
            foreach (var (index, name) in MustacheSpec.TestNames(file)) rows.Add(file, index, name);
        }
        return rows;
    }

    [MustacheSpecTheory]
    [MemberData(nameof(Cases))]
    public void RendersAsTheSpecSaysUnlessCosmosDiffers(string file, int index, string name)
    {
        var test = MustacheSpec.Test(file, index);
        var expected = test["expected"]!.GetValue<string>();

        var rendered = Render(test["template"]!.GetValue<string>(), test["data"]?.DeepClone());

        if (CosmosDifferences.Reason(file, name) is { } reason)
        {
            rendered.Should().NotBe(expected, $"{file} \"{name}\" is listed as a Cosmos difference ({reason}) but renders as the spec says: remove it from the list");
        }
        else
        {
            rendered.Should().Be(expected, $"{file} \"{name}\": {test["desc"]?.GetValue<string>()}");
        }
    }

    [MustacheSpecFact]
    public void EveryListedDifferenceNamesACaseOfTheSpec()
    {
        var cases = MustacheSpec.FileNames().SelectMany(file => MustacheSpec.TestNames(file).Select(test => (file, test.Name))).ToHashSet();

        CosmosDifferences.Listed.Select(listed => listed.Case).Where(listed => !cases.Contains(listed))
            .Should().BeEmpty("a listed case that is not in the spec any more must be removed from the list");
    }

    [MustacheSpecFact]
    public void PrintsTheFigures()
    {
        var total = MustacheSpec.FileNames().Sum(file => MustacheSpec.TestNames(file).Count());
        var listed = MustacheSpec.FileNames()
            .SelectMany(file => MustacheSpec.TestNames(file).Select(test => CosmosDifferences.Reason(file, test.Name)))
            .OfType<string>()
            .ToList();

        output.WriteLine($"{total - listed.Count} of {total} cases render as the spec says; {listed.Count} are intended Cosmos differences:");
        foreach (var reason in listed.GroupBy(reason => reason).OrderByDescending(group => group.Count())) output.WriteLine($"  {reason.Count(),3}  {reason.Key}");
        listed.Should().NotBeEmpty();
    }

    /// <summary>The output, or null when the template does not parse or render.</summary>
    private static string? Render(string template, System.Text.Json.Nodes.JsonNode? data) =>
        MustacheTemplate.Parse(template).Template?.Render(data).Output;
}
