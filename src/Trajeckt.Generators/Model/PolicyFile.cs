namespace Trajeckt.Generators.Model;

/// <summary>A .traj additional file's path and text.</summary>
internal sealed record PolicyFile(string Path, string Text);
