namespace Trajeckt.Runtime.Tests;

public sealed class ReasonCodesTests
{
    public static TheoryData<DecisionReason, string> Codes => new()
    {
        { DecisionReason.NoCommitment, "no_commitment" },
        { DecisionReason.SealInvalid, "seal_invalid" },
        { DecisionReason.Halted, "halted" },
        { DecisionReason.UnknownTool, "unknown_tool" },
        { DecisionReason.Budget, "budget" },
        { DecisionReason.Transition, "transition" },
        { DecisionReason.Flow, "flow" },
        { DecisionReason.Floor, "floor" },
        { DecisionReason.Heuristic, "heuristic" },
        { DecisionReason.InternalError, "internal_error" },
        { DecisionReason.AuthorizationRejected, "authorization_rejected" },
        { DecisionReason.SessionEnded, "session_ended" },
        { DecisionReason.StoreUnavailable, "store_unavailable" },
        { DecisionReason.StateInvalid, "state_invalid" },
        { DecisionReason.ToolDefinitionChanged, "tool_definition_changed" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_reason_has_its_stable_code_and_parses_back(DecisionReason reason, string code)
    {
        Assert.Equal(code, ReasonCodes.ToCode(reason));
        Assert.True(ReasonCodes.TryParse(code, out var parsed));
        Assert.Equal(reason, parsed);
    }

    [Fact]
    public void Every_defined_reason_but_None_has_a_code()
    {
        var reasons = Enum.GetValues<DecisionReason>().Where(r => r != DecisionReason.None).ToList();
        Assert.Equal(Codes.Count, reasons.Count);
        Assert.Null(ReasonCodes.ToCode(DecisionReason.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("Flow")]
    [InlineData("flow ")]
    public void Anything_else_does_not_parse(string? code)
    {
        Assert.False(ReasonCodes.TryParse(code, out var reason));
        Assert.Equal(DecisionReason.None, reason);
    }

    [Fact]
    public void An_undefined_reason_has_no_code() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonCodes.ToCode((DecisionReason)99));
}
