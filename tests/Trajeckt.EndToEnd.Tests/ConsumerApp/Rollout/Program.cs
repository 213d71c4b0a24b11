using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderAgent;
using Trajeckt;
using Trajeckt.Audit;
using Trajeckt.Sealing;

// An existing agent on the .NET generic host, with Trajeckt added as docs/rollout.md ("On your own agent") says:
// its options from the "Trajeckt" configuration section (Shadow, TrustedKeys, ...), its decision log from code.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTrajeckt(builder.Configuration);
using var host = builder.Build();
var options = host.Services.GetRequiredService<IOptions<TrajecktOptions>>().Value;
var loggerFactory = host.Services.GetRequiredService<ILoggerFactory>();

using var log = OpenDecisionLog(builder.Configuration);
options.DecisionLog = log;

var tools = new OrderTools();
foreach (var conversation in builder.Configuration["Conversations"]?.Split(',') ?? [])
{
    using var session = TrajecktGraphs.Agent.BeginSession(options, loggerFactory);
    Agent.Run(tools, conversation);
}

// The log's folder and the private key that signs its checkpoints (trajeckt keygen --out log).
static DecisionLog? OpenDecisionLog(IConfiguration configuration)
{
    if (configuration["DecisionLog:Folder"] is not { Length: > 0 } folder)
        return null;
    if (!PrivateKeyFile.TryRead(configuration["DecisionLog:Key"] ?? "", out var key, out var error))
        throw new InvalidOperationException($"DecisionLog:Key: {error}");
    return new DecisionLog(new FileDecisionLogSink(folder), key);
}
