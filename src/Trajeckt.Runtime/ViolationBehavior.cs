namespace Trajeckt;

/// <summary>What a session does after it refuses a call.</summary>
public enum ViolationBehavior
{
    /// <summary>Refuse the call; later calls are decided on their own merits.</summary>
    Refuse,

    /// <summary>Refuse the call and halt the session: every later call is refused with <c>halted</c>.</summary>
    Halt,
}
