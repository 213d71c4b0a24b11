// The agent is in Agent.cs, so that one test can compile it into a class library instead.
await ConsumerApp.Agent.RunAsync(args);
