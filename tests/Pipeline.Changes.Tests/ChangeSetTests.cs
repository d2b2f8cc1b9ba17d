using Pipeline.Changes.ChangeSets;

namespace Pipeline.Changes.Tests;

public sealed class ChangeSetTests
{
    [Fact]
    public void GroupsFilesIntoTheRevisionsAndPackagesTheyTouch()
    {
        var changes = ChangeSet.FromFiles([
            new("packages/K/kafka/12/package.json", ChangeStatus.Added),
            new("packages/K/kafka/12/config.json", ChangeStatus.Added),
            new("packages/C/cassandra/3/resource.json", ChangeStatus.Modified),
            new(".github/workflows/ci.yml", ChangeStatus.Modified),
        ]);

        changes.Source.Should().Be(ChangeSource.FileList);
        changes.Revisions.Should().Equal(new RevisionLocation("C", "cassandra", 3), new RevisionLocation("K", "kafka", 12));
        changes.Packages.Should().Equal(new PackageLocation("C", "cassandra"), new PackageLocation("K", "kafka"));
        changes.OutsidePackages.Should().Equal(new ChangedFile(".github/workflows/ci.yml", ChangeStatus.Modified));
        changes.FilesOf(new RevisionLocation("K", "kafka", 12)).Should().HaveCount(2);
    }

    [Fact]
    public void ARenameTouchesBothItsSides()
    {
        var changes = ChangeSet.FromFiles([new("packages/K/kafka/13/package.json", ChangeStatus.Renamed, "packages/K/kafka/12/package.json")]);

        changes.Revisions.Should().Equal(new RevisionLocation("K", "kafka", 12), new RevisionLocation("K", "kafka", 13));
        changes.FilesOf(new RevisionLocation("K", "kafka", 12)).Should().ContainSingle();
    }

    [Fact]
    public void AFileMovedIntoPackagesIsNotOutsideThem()
    {
        var changes = ChangeSet.FromFiles([new("packages/K/kafka/0/README.md", ChangeStatus.Renamed, "docs/kafka.md")]);

        changes.OutsidePackages.Should().BeEmpty();
        changes.Revisions.Should().Equal(new RevisionLocation("K", "kafka", 0));
    }

    [Fact]
    public void FilesAboveTheRevisionLevelTouchTheirPackageButNoRevision()
    {
        var changes = ChangeSet.FromFiles([
            new("packages/K/kafka/notes.txt", ChangeStatus.Added),
            new("packages/K/kafka/01/package.json", ChangeStatus.Added),
            new("packages/K/stray.txt", ChangeStatus.Added),
        ]);

        changes.Packages.Should().Equal(new PackageLocation("K", "kafka"));
        changes.Revisions.Should().BeEmpty("`01` is no revision number; the layout rules report it");
        changes.OutsidePackages.Should().BeEmpty();
    }

    [Fact]
    public void PathsAreNormalizedAndDuplicatesDropped()
    {
        var changes = ChangeSet.FromFiles([
            new("/packages/K/kafka/0/package.json", ChangeStatus.Modified),
            new("packages/K/kafka/0/package.json", ChangeStatus.Modified),
            new("packages/K/kafka/1/package.json", ChangeStatus.Renamed),
        ]);

        changes.Files.Should().Equal(
            new ChangedFile("packages/K/kafka/0/package.json", ChangeStatus.Modified),
            new ChangedFile("packages/K/kafka/1/package.json", ChangeStatus.Added));
    }

    [Fact]
    public void ABackslashIsPartOfANameNeverASeparator()
    {
        // Turned into '/', it would move the file to package `ev` and revision folder `il`, which
        // do not exist, and the broken package would pass unseen.
        var changes = ChangeSet.FromFiles([new("packages/E/ev\\il/0/package.json", ChangeStatus.Added)]);

        changes.Files.Single().Path.Should().Be("packages/E/ev\\il/0/package.json");
        changes.Revisions.Should().Equal(new RevisionLocation("E", "ev\\il", 0));
    }
}
