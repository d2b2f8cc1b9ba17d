using Pipeline.Mirroring.Images;
using Pipeline.Repositories.Resolution;

namespace Pipeline.Mirroring.Mirror;

/// <summary>What to mirror and where: the selection, the target folder and what to do besides copying revisions.</summary>
public sealed record MirrorRequest
{
    /// <summary>The folder written: a universe tree, or with <see cref="Bundle"/> a bundle holding <c>tree/</c> and <c>site/</c>.</summary>
    public required string Target { get; init; }

    /// <summary>Packages by name (every version) or name@version (that one).</summary>
    public IReadOnlyList<PackageReference> Includes { get; init; } = [];

    /// <summary>Every version of every package, whatever <see cref="Includes"/> says.</summary>
    public bool All { get; init; }

    /// <summary>Download assets, images and CLI binaries into <c>assets/</c> and point resource.json at <see cref="BaseUrl"/>.</summary>
    public bool Assets { get; init; }

    /// <summary>Where the target's <c>assets/</c> will be served from; required with <see cref="Assets"/>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Write a self-contained bundle: the tree under <c>tree/</c>, the built site and index under <c>site/</c>.</summary>
    public bool Bundle { get; init; }

    /// <summary>Copy the Docker images the packages name into <c>images/</c>, an OCI image layout.</summary>
    public bool Images { get; init; }

    /// <summary>With <see cref="Images"/>: the platforms of multi-platform images to copy; empty copies all.</summary>
    public IReadOnlyList<ImagePlatform> Platforms { get; init; } = [];

    /// <summary>With <see cref="Images"/>: push them to this registry and point the packages at it by digest.</summary>
    public PushTarget? PushTo { get; init; }


    /// <summary>Asset downloads and image blob transfers in flight at once, across revisions (1 to <see cref="MaxConcurrency"/>).</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    public const int DefaultConcurrency = 4;

    public const int MaxConcurrency = 32;

    /// <summary>The folders of a bundle holding its tree and its image layout.</summary>
    public const string BundleTree = "tree";

    public const string ImagesFolderName = "images";

    public string TreeRoot => Bundle ? Path.Combine(Target, BundleTree) : Target;

    public string SiteFolder => Path.Combine(Target, "site");

    public string ImagesFolder => Path.Combine(Target, ImagesFolderName);

    public string ManifestPath => Path.Combine(Target, MirrorManifest.FileName);
}
