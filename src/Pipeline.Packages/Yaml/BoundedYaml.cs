using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Packages.Yaml;

/// <summary>The one way YAML is loaded: through <see cref="DepthLimitedParser"/>, so no document can overflow the stack.</summary>
public static class BoundedYaml
{
    /// <exception cref="YamlTooDeepException">Collections nest deeper than <see cref="DepthLimitedParser.MaxDepth"/>.</exception>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new DepthLimitedParser(new Parser(new StringReader(text))));
        return stream;
    }
}
