using System.Security.Cryptography;
using System.Text;
using Pipeline.Testing.Downloads;

namespace Pipeline.Bumping.Tests;

/// <summary>The bytes the asset server holds for the version 2.0.0 bump of <see cref="BumpTree"/>, and their digests.</summary>
internal static class AssetServing
{
    public static readonly byte[] Kafka = Encoding.ASCII.GetBytes("kafka 2.0.0 tarball");
    public static readonly byte[] Cli = Encoding.ASCII.GetBytes("#!/bin/sh\necho dcos-kafka 2.0.0\n");

    public static void ServeVersion2(this DownloadServer server)
    {
        server.Add("files/kafka-2.0.0.tgz", Kafka);
        server.Add("files/dcos-kafka-2.0.0-linux", Cli);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
