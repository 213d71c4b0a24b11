using Trajeckt.Sealing;

namespace Trajeckt.Cli.Tests.Seals;

public sealed class KeygenCommandTests
{
    [Fact]
    public void Keygen_writes_an_owner_only_private_key_and_a_public_key()
    {
        using var cli = new SealingCli();
        Assert.Equal(0, cli.Run("keygen", "--out", cli.File("op")));
        Assert.True(PrivateKeyFile.TryRead(cli.File("op.key"), out var key, out var error), error?.ToString());
        using (key)
        {
            Assert.True(PublicKeyFile.TryRead(cli.File("op.pub"), out var publicKey, out _));
            Assert.Equal(key.PublicKey, publicKey);
            Assert.False(key.IsDevelopment);
            Assert.Contains(key.KeyId, cli.Out);
            Assert.Contains(key.PublicKey.ToString(), cli.Out);
        }
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.File("op.key")));
    }

    [Fact]
    public void Keygen_development_marks_both_files()
    {
        using var cli = new SealingCli();
        cli.Keygen("dev", development: true);
        Assert.True(PublicKeyFile.TryRead(cli.File("dev.pub"), out var publicKey, out _));
        Assert.True(publicKey.IsDevelopment);
        Assert.Contains("development key", cli.Out);
    }

    [Fact]
    public void Keygen_refuses_to_overwrite_either_file_unless_forced()
    {
        using var cli = new SealingCli();
        cli.Keygen("op");
        var before = File.ReadAllBytes(cli.File("op.key"));
        Assert.Equal(2, cli.Run("keygen", "--out", cli.File("op")));
        Assert.Equal($"trajeckt: error: {cli.File("op.key")}: the file exists; use --force to replace the key pair{Environment.NewLine}", cli.Err);
        Assert.Equal(before, File.ReadAllBytes(cli.File("op.key")));

        File.Delete(cli.File("op.key"));
        Assert.Equal(2, cli.Run("keygen", "--out", cli.File("op")));
        Assert.Contains("op.pub: the file exists", cli.Err);
        Assert.False(File.Exists(cli.File("op.key")));

        Assert.Equal(0, cli.Run("keygen", "--out", cli.File("op"), "--force"));
        Assert.True(PrivateKeyFile.TryRead(cli.File("op.key"), out var key, out _));
        key.Dispose();
    }

    [Fact]
    public void Keygen_into_a_missing_folder_is_a_one_line_error()
    {
        using var cli = new SealingCli();
        var prefix = cli.File(Path.Combine("no", "such", "op"));
        Assert.Equal(2, cli.Run("keygen", "--out", prefix));
        Assert.Equal($"trajeckt: error: {prefix}: cannot write the key pair: the folder {Path.GetDirectoryName(prefix)} does not exist; create it first{Environment.NewLine}", cli.Err);
        Assert.False(Directory.Exists(Path.GetDirectoryName(prefix)));
    }
}
