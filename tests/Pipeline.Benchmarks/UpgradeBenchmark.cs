using System.Diagnostics;
using System.Globalization;
using Pipeline.Changes.Upgrades;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;

namespace Pipeline.Benchmarks;

/// <summary>
/// The upgrade rules (UNI407–UNI411) over the real history: every consecutive pair of revisions
/// of every corpus package, as if each revision had come in a pull request after the one below it.
/// Prints the findings per rule and severity (and on how many pairs each fires), the number of
/// pairs, the ten packages with most findings and the time taken. The real history is the test of
/// the severities: a rule that fires on most pairs for something that breaks nobody is wrong.
/// </summary>
internal static class UpgradeBenchmark
{
    /// <param name="examplesPerRule">How many findings of each rule and severity to print, each from another pair.</param>
    public static void Run(string corpus, int examplesPerRule)
    {
        var clock = Stopwatch.StartNew();
        var tree = PackageTreeReader.Read(corpus, new TreeReaderOptions { LoadContent = false });
        var findings = new Dictionary<(string Code, Severity Severity), (int Findings, int Pairs, int Confirmed)>();
        var perPackage = new Dictionary<string, (int Findings, int Errors)>(StringComparer.Ordinal);
        var examples = new Dictionary<(string Code, Severity Severity), List<Diagnostic>>();
        var pairs = 0;
        var pairsWithErrors = 0;
        foreach (var package in tree.Revisions.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var revisions = package.OrderBy(r => r.ReleaseVersion).ToArray();
            for (var i = 1; i < revisions.Length; i++)
            {
                var found = UpgradeRules.Compare(revisions[i - 1], revisions[i]);
                pairs++;
                if (found.Any(d => d.Severity == Severity.Error)) pairsWithErrors++;
                foreach (var group in found.GroupBy(d => (d.Code, d.Severity)))
                {
                    var (count, inPairs, confirmed) = findings.GetValueOrDefault(group.Key);
                    findings[group.Key] = (count + group.Count(), inPairs + 1, confirmed + group.Count(Confirmed));
                    if (!examples.TryGetValue(group.Key, out var list)) examples[group.Key] = list = [];
                    if (list.Count < examplesPerRule) list.Add(group.First());
                }
                var (total, errors) = perPackage.GetValueOrDefault(package.Key);
                perPackage[package.Key] = (total + found.Count, errors + found.Count(d => d.Severity == Severity.Error));
            }
        }
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upgrade rules over the corpus history: {pairs} consecutive pairs of revisions in {perPackage.Count} packages, {clock.Elapsed.TotalSeconds:F2} s ({clock.Elapsed.TotalMilliseconds / Math.Max(1, pairs):F1} ms per pair, reading included)"));
        Console.WriteLine($"pairs with at least one error: {pairsWithErrors}");
        Console.WriteLine($"{"rule",-7} {"severity",-8} {"findings",8} {"pairs",6} {"confirmed",9}  (confirmed: the previous options fail the new schema there)");
        foreach (var ((code, severity), (count, inPairs, confirmed)) in findings.OrderBy(f => f.Key.Code, StringComparer.Ordinal).ThenByDescending(f => f.Key.Severity))
        {
            Console.WriteLine($"{code,-7} {severity.ToString().ToLowerInvariant(),-8} {count,8} {inPairs,6} {confirmed,9}");
        }
        foreach (var ((code, severity), list) in examples.OrderBy(e => e.Key.Code, StringComparer.Ordinal).ThenByDescending(e => e.Key.Severity))
        {
            foreach (var example in list) Console.WriteLine($"  e.g. {example}");
        }
        Console.WriteLine("packages with most findings:");
        foreach (var (name, (total, errors)) in perPackage.Where(p => p.Value.Findings > 0).OrderByDescending(p => p.Value.Findings).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10))
        {
            Console.WriteLine($"  {name,-28} {total,5} findings, {errors,4} errors");
        }
    }

    /// <summary>Whether the evidence check backs the finding: updating with the previous options fails where it points.</summary>
    private static bool Confirmed(Diagnostic finding) =>
        finding.Code == RuleCatalog.PreviousOptionsRejected.Code
        || finding.Message.Contains(UpgradeRules.EvidenceWords, StringComparison.Ordinal)
        || finding.Message.Contains("own value is rejected", StringComparison.Ordinal);
}
