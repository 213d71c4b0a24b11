using Trajeckt.Analyzers.Order;
using Trajeckt.Analyzers.Tests.Infrastructure;
using static Trajeckt.Analyzers.Tests.Infrastructure.OrderPrograms;

namespace Trajeckt.Analyzers.Tests;

/// <summary>TRJ2008 and TRJ2009: tool calls whose order the commitment refuses on every path or on some path.</summary>
public sealed class OrderCheckTests
{
    private static Task Check(string body, string[] policies, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.Analyzer<OrderAnalyzer>(With(body, policies), expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Every(int location, string reason) =>
        Verify.Diagnostic(Descriptors.RefusedOnEveryPath).WithLocation(location).WithArguments(reason);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Some(int location, string reason) =>
        Verify.Diagnostic(Descriptors.RefusedOnSomePath).WithLocation(location).WithArguments(reason);

    private const string SecretFlow = "flow: label 'secret' may not reach external sink send_email (trajectory 'Support')";

    [Fact]
    public Task A_straight_line_that_sends_a_secret_is_an_error_at_the_send() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.ReadSecret();
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Every(0, SecretFlow));

    [Fact]
    public Task A_session_begun_with_using_var_is_checked_like_one_begun_without() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    using var session = TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.ReadSecret();
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Every(0, SecretFlow));

    [Fact]
    public Task Top_level_statements_are_checked_like_a_method_body() =>
        Verify.AnalyzerOnConsoleProgram<OrderAnalyzer>("""
            TrajecktGraphs.Support.BeginSession();
            Tools.ReadTicket();
            Tools.ReadSecret();
            {|#0:Tools.SendEmail()|};
            """, With("", Support), Every(0, SecretFlow));

    [Fact]
    public Task A_straight_line_the_policy_allows_is_not_reported() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.ReadCustomer();
                    Tools.SendEmail();
                }
            }
            """, [Support]);

    [Fact]
    public Task A_call_the_plan_does_not_allow_first_is_a_transition_error() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    {|#0:Tools.ReadCustomer()|};
                }
            }
            """, [Support], Every(0, "transition: the plan of trajectory 'Support' does not allow read_customer at this point"));

    [Fact]
    public Task A_branch_where_one_arm_reads_the_secret_is_a_warning() =>
        Check("""
            public static class App
            {
                public static void Run(bool vip)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    if (vip)
                        Tools.ReadSecret();
                    else
                        Tools.ReadCustomer();
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Some(0, SecretFlow));

    [Fact]
    public Task A_loop_that_sends_twice_is_a_warning_for_the_second_round() =>
        Check("""
            public static class App
            {
                public static void Run(int n)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    for (var i = 0; i < n; i++)
                        {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Some(0, "transition: the plan of trajectory 'Support' does not allow send_email at this point"));

    [Fact]
    public Task A_loop_of_reads_the_plan_repeats_is_not_reported() =>
        Check("""
            public static class App
            {
                public static void Run(int n)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    while (n-- > 0)
                        Tools.ReadCustomer();
                    Tools.SendEmail();
                }
            }
            """, [Support]);

    [Fact]
    public Task A_secret_read_in_a_loop_taints_the_send_after_it_on_some_path() =>
        Check("""
            public static class App
            {
                public static void Run(int n)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    for (var i = 0; i < n; i++)
                        Tools.ReadSecret();
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Some(0, SecretFlow));

    [Fact]
    public Task A_finally_after_a_secret_read_before_the_try_is_an_error() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.ReadSecret();
                    try
                    {
                        System.Console.WriteLine("working");
                    }
                    finally
                    {
                        {|#0:Tools.SendEmail()|};
                    }
                }
            }
            """, [Support], Every(0, SecretFlow));

    [Fact]
    public Task A_finally_after_a_secret_read_inside_the_try_is_a_warning_as_the_try_may_throw_before_it() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    try
                    {
                        Tools.ReadSecret();
                    }
                    finally
                    {
                        {|#0:Tools.SendEmail()|};
                    }
                }
            }
            """, [Support], Some(0, SecretFlow));

    [Fact]
    public Task After_a_finally_the_path_goes_on_with_the_finally_state() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    try
                    {
                        Tools.ReadCustomer();
                    }
                    finally
                    {
                        Tools.ReadSecret();
                    }
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Every(0, SecretFlow));

    [Fact]
    public Task A_catch_is_entered_with_the_states_of_its_try() =>
        Check("""
            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    try
                    {
                        Tools.ReadCustomer();
                    }
                    catch (System.Exception)
                    {
                        {|#0:Tools.ReadTicket()|};
                    }
                }
            }
            """, [Support], Every(0, "transition: the plan of trajectory 'Support' does not allow read_ticket at this point"));

    [Fact]
    public Task A_catch_with_a_filter_inside_a_finally_keeps_the_finally_continuation() =>
        Check("""
            public static class App
            {
                public static void Run(bool flag)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    try
                    {
                        Tools.ReadCustomer();
                    }
                    finally
                    {
                        try
                        {
                            Tools.ReadSecret();
                        }
                        catch (System.Exception) when (flag)
                        {
                        }
                    }
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support], Some(0, SecretFlow));

    [Fact]
    public Task A_floor_is_an_error_after_untrusted_content_and_not_after_an_authorization() =>
        Check("""
            public static class App
            {
                public static void Refused()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.FetchUrl();
                    {|#0:Tools.SaveMemory()|};
                }

                public static void Authorized(Trajeckt.TrajecktSession session)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.FetchUrl();
                    session.Authorize("save_memory", Trajeckt.Trust.TrustedUser);
                    Tools.SaveMemory();
                }
            }
            """, [Support],
            Every(0, "floor: save_memory requires integrity External, but the session's integrity is at most Untrusted here and no authorization can be pending (trajectory 'Support')"));

    [Fact]
    public Task A_constant_input_lowers_integrity() =>
        Check("""
            public static class App
            {
                public static void Run(Trajeckt.TrajecktSession session)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    session.ObserveInput(Trajeckt.Trust.Memory);
                    {|#0:Tools.SaveMemory()|};
                }
            }
            """, [Support],
            Every(0, "floor: save_memory requires integrity External, but the session's integrity is at most Memory here and no authorization can be pending (trajectory 'Support')"));

    [Fact]
    public Task Without_BeginSession_a_call_is_reported_only_when_every_entry_state_refuses_it() =>
        Check("""
            public static class App
            {
                public static void Allowed()
                {
                    Tools.ReadCustomer();
                    Tools.SendEmail();
                }

                public static void Twice()
                {
                    Tools.SendEmail();
                    {|#0:Tools.SendEmail()|};
                }

                public static void NoFloorWithoutSession()
                {
                    Tools.FetchUrl();
                    Tools.SaveMemory();
                }
            }
            """, [Support], Every(0, "transition: the plan of trajectory 'Support' does not allow send_email at this point"));

    [Fact]
    public Task A_call_into_code_the_analysis_does_not_follow_may_move_the_plan_on() =>
        Check("""
            public static class App
            {
                public static void Run(System.Action callback)
                {
                    TrajecktGraphs.Support.BeginSession();
                    Helper();
                    Tools.SendEmail();
                    TrajecktGraphs.Support.BeginSession();
                    callback();
                    Tools.SendEmail();
                    TrajecktGraphs.Support.BeginSession();
                    System.Console.WriteLine("library code calls no tools");
                    {|#0:Tools.SendEmail()|};
                }

                private static void Helper() => Tools.ReadTicket();
            }
            """, [Support], Every(0, "transition: the plan of trajectory 'Support' does not allow send_email at this point"));

    [Fact]
    public Task A_property_or_constructor_of_the_project_may_call_tools_too() =>
        Check("""
            public sealed class Ticket
            {
                public Ticket() => Tools.ReadTicket();
                public static int Read { get { Tools.ReadTicket(); return 1; } }
            }

            public static class App
            {
                public static void Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    _ = Ticket.Read;
                    Tools.SendEmail();
                    TrajecktGraphs.Support.BeginSession();
                    _ = new Ticket();
                    Tools.SendEmail();
                }
            }
            """, [Support]);

    [Fact]
    public Task Lambdas_and_local_functions_are_checked_on_their_own_with_an_unknown_entry() =>
        Check("""
            public static class App
            {
                public static System.Action Run()
                {
                    TrajecktGraphs.Support.BeginSession();
                    Twice();
                    return () =>
                    {
                        Tools.ReadCustomer();
                        Tools.SendEmail();
                        {|#1:Tools.SendEmail()|};
                    };

                    void Twice()
                    {
                        Tools.SendEmail();
                        {|#0:Tools.SendEmail()|};
                    }
                }
            }
            """, [Support],
            Every(0, "transition: the plan of trajectory 'Support' does not allow send_email at this point"),
            Every(1, "transition: the plan of trajectory 'Support' does not allow send_email at this point"));

    [Fact]
    public Task Under_several_trajectories_a_call_is_reported_only_when_all_refuse_it_or_the_begun_one_does() =>
        Check("""
            public static class App
            {
                public static void EitherTrajectory()
                {
                    Tools.ReadSecret();
                    Tools.SendEmail();
                }

                public static void TheBegunOne()
                {
                    TrajecktGraphs.Anything.BeginSession();
                    Tools.ReadSecret();
                    Tools.SendEmail();
                    TrajecktGraphs.Support.BeginSession();
                    Tools.ReadTicket();
                    Tools.ReadSecret();
                    {|#0:Tools.SendEmail()|};
                }
            }
            """, [Support, Anything], Every(0, SecretFlow));

    [Fact]
    public Task Without_a_compiled_graph_nothing_is_reported() =>
        Verify.Analyzer<OrderAnalyzer>("""
            public static class Tools
            {
                [Trajeckt.Tool] public static void A() { }
            }

            public static class App
            {
                public static void Run() { Tools.A(); Tools.A(); }
            }
            """);
}
