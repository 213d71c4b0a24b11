using Microsoft.AspNetCore.Builder;
using Trajeckt.Gateway;

try
{
    await using var app = await GatewayApp.StartAsync(args);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (GatewayStartException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
