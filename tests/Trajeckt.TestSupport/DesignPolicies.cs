namespace Trajeckt.TestSupport;

/// <summary>Policies from the docs (docs/traj-language.md, docs/semantics.md) that several test projects use.</summary>
public static class DesignPolicies
{
    /// <summary>The Traj example of docs/traj-language.md.</summary>
    public const string Support = """
        trajectory Support {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool fetch_url     : origin(Untrusted), egress;
          tool save_memory   : sink(control);
          tool send_email    : sink(external);
          tool run_shell     : shell;

          plan read_ticket (read_customer | fetch_url)* send_email?;
          plan read_ticket save_memory;
          flow customer-pii -> send_email;
          floor CleanWorkspace for send_email;
          authorize save_memory by TrustedUser;
          budget calls 20;
        }
        """;
}
