namespace Pipeline.Serving.Upstreams;

/// <summary>What an upstream's address answered with, as <c>/health</c> reports it.</summary>
public enum UpstreamKind
{
    /// <summary>Our index.json; the package and DC/OS files are fetched from beside it.</summary>
    Index,

    /// <summary>A DC/OS repository file; every output is converted from it.</summary>
    Dcos,
}
