using Trajeckt.TestSupport.Reference;

namespace Trajeckt.Runtime.Tests.Support;

/// <summary>Runs reference events through a real session, reporting outcomes in the reference model's shape.</summary>
internal static class EngineDriver
{
    public static ReferenceOutcome Apply(TrajecktSession session, ReferenceEvent e)
    {
        switch (e)
        {
            case InputEvent input:
                return new ReferenceOutcome(session.ObserveInput(input.Trust), true, null);
            case AuthorizeEvent a:
                var result = session.Authorize(a.Tool, a.By);
                return new ReferenceOutcome(result.Step, result.IsAccepted, result.Code);
            case CallEvent c:
                var decision = session.Begin(c.Tool);
                session.Complete(in decision, c.Origin, c.Labels);
                return new ReferenceOutcome(decision.Step, decision.IsAllowed, decision.Code);
            default:
                throw new ArgumentException("unknown event");
        }
    }

    public static List<ReferenceOutcome> Run(TrajecktSession session, IEnumerable<ReferenceEvent> events) =>
        events.Select(e => Apply(session, e)).ToList();
}
