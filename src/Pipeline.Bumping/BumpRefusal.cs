namespace Pipeline.Bumping;

/// <summary>
/// Why a bump cannot be made, said in one line for the person who asked (a bad option, an asset
/// that did not download). Thrown inside the planner and turned into a refused
/// <see cref="BumpOutcome"/> before it leaves the library.
/// </summary>
internal sealed class BumpRefusal(string message) : Exception(message);
