using Pipeline.Packages.Model;

namespace Pipeline.Build.Dcos;

/// <summary>
/// A DC/OS repository file read back into package revisions (<see cref="DcosRepositoryReader"/>):
/// the tree, or null with <see cref="Rejected"/> saying why the whole file was refused, and
/// the packages left out, each with the reason (at most <see cref="DcosRepositoryReader.MaxReportedProblems"/>
/// listed; <see cref="LeftOutCount"/> counts them all).
/// </summary>
public sealed record DcosRepositoryRead(PackageTree? Tree, string? Rejected, IReadOnlyList<string> LeftOut, int LeftOutCount);
