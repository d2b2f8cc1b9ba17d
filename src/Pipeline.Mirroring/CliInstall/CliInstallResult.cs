namespace Pipeline.Mirroring.CliInstall;

public enum CliInstallOutcome
{
    /// <summary>The binary (or the archive's files) is in the bin folder, executable.</summary>
    Installed,

    /// <summary>The package ships its CLI as a Python package: <see cref="CliInstallResult.PipCommand"/> installs it.</summary>
    PipCommand,

    /// <summary>The package has no CLI, or none for this platform.</summary>
    NotAvailable,

    /// <summary>The download failed or did not verify; nothing was installed.</summary>
    Failed,
}

/// <summary>What <see cref="CliInstaller"/> did, with the files installed or the reason nothing was.</summary>
public sealed record CliInstallResult(CliInstallOutcome Outcome, string Message)
{
    public IReadOnlyList<string> InstalledFiles { get; init; } = [];

    public string? PipCommand { get; init; }

    /// <summary>The failure was a digest that did not match.</summary>
    public bool HashMismatch { get; init; }

    /// <summary>The failure was the download's (network, server, disk), not the package's content.</summary>
    public bool Unreachable { get; init; }
}
