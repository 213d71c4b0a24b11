namespace Trajeckt.SemanticKernel;

/// <summary>What a Trajeckt filter does with a kernel function call the session refused. The function never runs in any case.</summary>
public enum TrajecktRefusalBehavior
{
    /// <summary>The refusal becomes the function's result (<c>Refused by the Trajeckt policy: ...</c>), so the model reads why and can answer without the call.</summary>
    ReturnRefusal,

    /// <summary>
    /// As <see cref="ReturnRefusal"/>, and an auto-invoked call also ends the function-calling loop
    /// (<c>AutoFunctionInvocationContext.Terminate</c>): the caller gets the response
    /// without another request to the model. A call that is not auto-invoked has no loop to end and gets the refusal as its result.
    /// </summary>
    Terminate,

    /// <summary>The filter throws <see cref="TrajectoryViolationException"/> carrying the decision.</summary>
    Throw,
}
