namespace Pipeline.Mirroring.Images;

/// <summary>A registry (or a bundle's image layout) that could not be used: unreachable, refusing, or sending content that is not what it claims. The message names the address, never a credential.</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);
