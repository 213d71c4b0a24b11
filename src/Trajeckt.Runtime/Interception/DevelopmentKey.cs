namespace Trajeckt.Interception;

/// <summary>
/// Where the per-user development key lives (<c>~/.trajeckt/development.key</c> and <c>.pub</c>): Debug
/// builds with no signing key sign with it, and the runtime trusts it only when the options say
/// <see cref="TrajecktOptions.TrustDevelopmentKeys"/>.
/// </summary>
public static class DevelopmentKey
{
    /// <summary>The key pair's path without extension, under the user's profile.</summary>
    public static string PathPrefix =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".trajeckt", "development");

    /// <summary>The public key file.</summary>
    public static string PublicKeyPath => PathPrefix + ".pub";
}
