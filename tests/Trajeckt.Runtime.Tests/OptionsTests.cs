using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Trajeckt.Runtime.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_require_a_commitment_and_refuse_without_halting()
    {
        var options = new TrajecktOptions();
        Assert.True(options.RequireCommitment);
        Assert.False(options.AllowUncommitted);
        Assert.Equal(ViolationBehavior.Refuse, options.OnViolation);
        Assert.Empty(options.TrustedKeys);
        Assert.False(options.TrustDevelopmentKeys);
    }

    [Fact]
    public void Requiring_a_commitment_and_allowing_uncommitted_sessions_is_contradictory()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrajecktSession.Create((Commitment?)null, new TrajecktOptions { AllowUncommitted = true }));
        Assert.Contains("RequireCommitment = true and AllowUncommitted = true", error.Message);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Undefined_violation_behavior_and_empty_keys_are_invalid()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrajecktSession.Create((Commitment?)null, new TrajecktOptions { OnViolation = (ViolationBehavior)5, TrustedKeys = ["", "key"] }));
        Assert.Contains("OnViolation = 5", error.Message);
        Assert.Contains("TrustedKeys[0] is empty", error.Message);
    }

    [Fact]
    public void Options_bind_from_the_Trajeckt_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trajeckt:RequireCommitment"] = "false",
            ["Trajeckt:AllowUncommitted"] = "true",
            ["Trajeckt:OnViolation"] = "Halt",
            ["Trajeckt:TrustedKeys:0"] = "key-one",
            ["Trajeckt:TrustedKeys:1"] = "key-two",
            ["Trajeckt:TrustDevelopmentKeys"] = "true",
        }).Build();
        using var provider = new ServiceCollection().AddTrajeckt(configuration).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TrajecktOptions>>().Value;
        Assert.False(options.RequireCommitment);
        Assert.True(options.AllowUncommitted);
        Assert.Equal(ViolationBehavior.Halt, options.OnViolation);
        Assert.Equal(["key-one", "key-two"], options.TrustedKeys);
        Assert.True(options.TrustDevelopmentKeys);
        Assert.True(TrajecktSession.Create((Commitment?)null, options).IsHeuristic);
    }

    [Fact]
    public void Contradictory_bound_options_fail_validation_with_the_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trajeckt:AllowUncommitted"] = "true",
        }).Build();
        using var provider = new ServiceCollection().AddTrajeckt(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TrajecktOptions>>().Value);
        Assert.Contains("contradictory", error.Message);
    }

    [Theory]
    [InlineData("Trajeckt:DecisionLog", "logs")]
    [InlineData("Trajeckt:DecisionLog", "")]
    [InlineData("Trajeckt:DecisionLog:Folder", "logs")]
    public void A_decision_log_setting_is_refused_rather_than_ignored(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trajeckt:Shadow"] = "true",
            [key] = value,
        }).Build();
        using var provider = new ServiceCollection().AddTrajeckt(configuration).BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<TrajecktOptions>>().Value);
        Assert.StartsWith("Trajeckt:DecisionLog cannot be set in configuration: a decision log is created in code", error.Message);
    }

    [Fact]
    public void Shadow_binds_from_configuration_and_a_malformed_value_is_an_error()
    {
        var on = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trajeckt:Shadow"] = "true" }).Build();
        using (var provider = new ServiceCollection().AddTrajeckt(on).BuildServiceProvider())
            Assert.True(provider.GetRequiredService<IOptions<TrajecktOptions>>().Value.Shadow);

        var malformed = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trajeckt:Shadow"] = "yes" }).Build();
        using var failing = new ServiceCollection().AddTrajeckt(malformed).BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(() => failing.GetRequiredService<IOptions<TrajecktOptions>>().Value);
    }

    [Fact]
    public void Options_configured_in_code_are_validated()
    {
        using var good = new ServiceCollection().AddTrajeckt(o => o.OnViolation = ViolationBehavior.Halt).BuildServiceProvider();
        Assert.Equal(ViolationBehavior.Halt, good.GetRequiredService<IOptions<TrajecktOptions>>().Value.OnViolation);

        using var bad = new ServiceCollection().AddTrajeckt(o => o.TrustedKeys = null!).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<TrajecktOptions>>().Value);
    }

    [Fact]
    public void Registering_twice_adds_one_validator()
    {
        var services = new ServiceCollection().AddTrajeckt(_ => { }).AddTrajeckt(_ => { });
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TrajecktOptions>));
    }
}
