using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Seals;

public sealed class TrustStoreTests
{
    [Fact]
    public void Entries_may_be_inline_keys_or_public_key_files()
    {
        using var folder = new TempFolder();
        using var inline = OperatorKeyPair.Generate();
        using var inlineDev = OperatorKeyPair.Generate(isDevelopment: true);
        using var fromFile = OperatorKeyPair.Generate(isDevelopment: true);
        PublicKeyFile.Write(folder.File("dev.pub"), fromFile.PublicKey);

        Assert.True(TrustStore.TryLoad([inline.PublicKey.ToString(), inlineDev.PublicKey.ToString(), folder.File("dev.pub")], false, out var store, out var error), error);
        Assert.Equal(3, store.Keys.Count);
        Assert.True(store.TryGetKey(inline.KeyId, out var a) && !a.IsDevelopment);
        Assert.True(store.TryGetKey(inlineDev.KeyId, out var b) && b.IsDevelopment);
        Assert.True(store.TryGetKey(fromFile.KeyId, out var c) && c.IsDevelopment);
        Assert.False(store.TrustDevelopmentKeys);
    }

    [Fact]
    public void Options_configure_the_keys_and_whether_development_keys_count()
    {
        using var key = OperatorKeyPair.Generate();
        var options = new TrajecktOptions { TrustedKeys = [key.PublicKey.ToString()], TrustDevelopmentKeys = true };
        var store = TrustStore.FromOptions(options);
        Assert.True(store.TrustDevelopmentKeys);
        Assert.True(store.TryGetKey(key.KeyId, out _));
    }

    [Theory]
    [InlineData("", "trusted key 0: the entry is empty")]
    [InlineData("ed25519:AAAA", "trusted key 0: 'ed25519:AAAA' is not the canonical base64")]
    [InlineData("ed25519-dev:", "trusted key 0: 'ed25519-dev:' is not the canonical base64")]
    [InlineData("no/such/file.pub", "trusted key 0: 'no/such/file.pub' is neither 'ed25519:<base64>' nor a readable public key file: the file does not exist")]
    public void Malformed_entries_are_rejected_with_a_clear_error(string entry, string expected)
    {
        Assert.False(TrustStore.TryLoad([entry], false, out var store, out var error));
        Assert.Null(store);
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void A_bad_entry_after_good_ones_is_named_by_index_and_fails_the_whole_store()
    {
        using var key = OperatorKeyPair.Generate();
        var options = new TrajecktOptions { TrustedKeys = [key.PublicKey.ToString(), "ed25519:!"] };
        Assert.False(TrustStore.TryFromOptions(options, out _, out var error));
        Assert.StartsWith("Trajeckt option TrustedKeys[1]: 'ed25519:!' is not the canonical base64", error);
        var thrown = Assert.Throws<ArgumentException>(() => TrustStore.FromOptions(options));
        Assert.Contains("TrustedKeys[1]", thrown.Message);
    }

    [Fact]
    public void Null_trusted_keys_are_an_error_not_an_empty_store()
    {
        Assert.False(TrustStore.TryFromOptions(new TrajecktOptions { TrustedKeys = null! }, out _, out var error));
        Assert.Contains("TrustedKeys is null", error);
    }

    [Fact]
    public void A_malformed_key_file_entry_reports_the_file_and_position()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.pub"), "{\n  \"version\": 1,\n  \"kind\": \"trajeckt-public-key\",\n  \"extra\": 1\n}");
        Assert.False(TrustStore.TryLoad([folder.File("bad.pub")], false, out _, out var error));
        Assert.StartsWith($"trusted key 0: {folder.File("bad.pub")}(4,3): unknown field 'extra'", error);
    }

    [Fact]
    public void A_private_key_file_is_not_accepted_as_a_trusted_key()
    {
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate();
        PrivateKeyFile.Write(folder.File("op.key"), key);
        Assert.False(TrustStore.TryLoad([folder.File("op.key")], false, out _, out var error));
        Assert.Contains("this is a private key file", error);
    }

    [Fact]
    public void The_same_key_twice_counts_once_but_as_both_development_and_production_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        Assert.True(TrustStore.TryLoad([key.PublicKey.ToString(), key.PublicKey.ToString()], false, out var store, out _));
        Assert.Single(store.Keys);

        var asDevelopment = OperatorPublicKey.FromRaw(key.PublicKey.ExportRaw(), isDevelopment: true);
        Assert.False(TrustStore.TryLoad([key.PublicKey.ToString(), asDevelopment.ToString()], false, out _, out var error));
        Assert.Contains("both as a development key and as a production key", error);
        Assert.Throws<ArgumentException>(() => new TrustStore([key.PublicKey, asDevelopment]));
    }

    [Fact]
    public void Unknown_ids_are_not_found()
    {
        using var key = OperatorKeyPair.Generate();
        var store = new TrustStore([key.PublicKey]);
        Assert.False(store.TryGetKey("0000000000000000", out _));
        Assert.False(store.TryGetKey(null, out _));
        Assert.False(store.TryGetKey(key.KeyId.ToUpperInvariant(), out _));
    }
}
