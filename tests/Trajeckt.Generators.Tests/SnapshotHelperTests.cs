using Trajeckt.Generators.Tests.Infrastructure;
using Xunit.Sdk;

namespace Trajeckt.Generators.Tests;

/// <summary>The approval helper itself: it fails on every kind of difference, and accepts only when asked and never under CI.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trajeckt-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AMissingVerifiedFileFailsAndWritesTheReceivedOutputOnly()
    {
        var failure = Assert.Throws<TrueException>(() => Snapshot.VerifyAll(_directory, accepting: false, Sources("class A { }\n"), "Test"));

        Assert.Contains("Test.Gen.g.verified.cs does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["Test.Gen.g.received.cs"], Files());
    }

    [Fact]
    public void ADifferenceFailsWithTheFirstDifferingLine()
    {
        File.WriteAllText(Path.Combine(_directory, "Test.Gen.g.verified.cs"), "class A\n{\n}\n");

        var failure = Assert.Throws<TrueException>(() => Snapshot.VerifyAll(_directory, accepting: false, Sources("class A\n{\n    int x;\n}\n"), "Test"));

        Assert.Contains("line 3", failure.Message, StringComparison.Ordinal);
        Assert.Contains("received:     int x;", failure.Message, StringComparison.Ordinal);
        Assert.Equal("class A\n{\n}\n", File.ReadAllText(Path.Combine(_directory, "Test.Gen.g.verified.cs")));
        Assert.Contains("Test.Gen.g.received.cs", Files());
    }

    [Fact]
    public void AMatchPassesWhateverTheLineEndsOfTheCheckout()
    {
        File.WriteAllText(Path.Combine(_directory, "Test.Gen.g.verified.cs"), "class A\r\n{\r\n}\r\n");
        File.WriteAllText(Path.Combine(_directory, "Test.Gen.g.received.cs"), "left over from an earlier failure");

        Snapshot.VerifyAll(_directory, accepting: false, Sources("class A\n{\n}\n"), "Test");

        Assert.Equal(["Test.Gen.g.verified.cs"], Files());
    }

    [Fact]
    public void AVerifiedFileThatIsNoLongerGeneratedFails()
    {
        File.WriteAllText(Path.Combine(_directory, "Test.Gen.g.verified.cs"), "class A { }\n");
        File.WriteAllText(Path.Combine(_directory, "Test.Old.g.verified.cs"), "class B { }\n");

        var failure = Assert.Throws<TrueException>(() => Snapshot.VerifyAll(_directory, accepting: false, Sources("class A { }\n"), "Test"));

        Assert.Contains("Test.Old.g.verified.cs is no longer generated", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptingWritesTheVerifiedFilesAndRemovesStaleOnes()
    {
        File.WriteAllText(Path.Combine(_directory, "Test.Old.g.verified.cs"), "class B { }\n");

        Snapshot.VerifyAll(_directory, accepting: true, Sources("class A { }\n"), "Test");

        Assert.Equal(["Test.Gen.g.verified.cs"], Files());
        Assert.Equal("class A { }\n", File.ReadAllText(Path.Combine(_directory, "Test.Gen.g.verified.cs")));
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    [InlineData("1", "true", false)]
    [InlineData("1", "TRUE", false)]
    [InlineData(null, null, false)]
    [InlineData("true", null, false)]
    public void SnapshotsAreAcceptedOnlyWhenAskedAndNeverUnderCI(string? accept, string? ci, bool accepting)
    {
        var environment = new Dictionary<string, string?> { ["TRAJECKT_ACCEPT_SNAPSHOTS"] = accept, ["CI"] = ci };

        Assert.Equal(accepting, Snapshot.IsAccepting(name => environment.GetValueOrDefault(name)));
    }

    private static Dictionary<string, string> Sources(string text) => new() { ["Gen.g.cs"] = text };

    private string[] Files() => Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
}
