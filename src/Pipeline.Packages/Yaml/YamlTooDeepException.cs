using YamlDotNet.Core;

namespace Pipeline.Packages.Yaml;

/// <summary>Thrown by <see cref="DepthLimitedParser"/>: a <see cref="YamlException"/>, so callers that only catch that still report it.</summary>
public sealed class YamlTooDeepException(Mark start, Mark end, string message) : YamlException(start, end, message);
