using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Validation.Layout;

namespace Pipeline.Validation.Files;

/// <summary>UNI013 for the files of a revision that could not be read when it was loaded.</summary>
public static class UnreadableFiles
{
    public static void Report(PackageRevision revision, List<Diagnostic> diagnostics)
    {
        foreach (var file in revision.Files)
        {
            if (file.LoadProblem is { } problem) diagnostics.Add(LayoutRules.Unreadable(file, problem));
        }
    }
}
