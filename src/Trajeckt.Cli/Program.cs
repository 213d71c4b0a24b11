using Trajeckt.Cli;

return CliApp.RunWithBufferedOutput(args, Console.OpenStandardOutput(), Console.Error);
