import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

export type TSandboxServer = {
  /** Origin, e.g. http://127.0.0.1:40123. The API is under `${url}/sandbox`. */
  url: string;
  /** The client's apiUrl: `${url}/sandbox`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  linkToken: string;
  close: () => Promise<void>;
};

export type TStartSandboxOptions = {
  clientId?: string;
  clientSecret?: string;
  linkToken?: string;
  linkRedirectUri?: string;
  tokenTtlSeconds?: number;
  now?: () => number;
};

const BASE_PATH = "/sandbox";

/** Serves the sandbox on node:http at 127.0.0.1 on a random port, with its state in a temp dir. */
export async function startSandboxServer(options: TStartSandboxOptions = {}): Promise<TSandboxServer> {
  const dir = mkdtempSync(join(tmpdir(), "flanks-sandbox-"));
  const clientId = options.clientId ?? "test-client";
  const clientSecret = options.clientSecret ?? "test-client-secret-0123456789";
  const linkToken = options.linkToken ?? "test-link-token";
  const sandbox = await createSandbox({
    stateFile: join(dir, "sandbox-state.json"),
    clientId,
    clientSecret,
    linkToken,
    linkRedirectUri: options.linkRedirectUri ?? "http://127.0.0.1:9/connect/callback",
    basePath: BASE_PATH,
    ...(options.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.tokenTtlSeconds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  let origin = "";
  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ message: `test server: ${error instanceof Error ? error.message : String(error)}` }));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController();
    // The client gave up (timeout, abort): tell the sandbox through request.signal.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
      else if (value !== undefined) headers.set(key, value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
    const request = new Request(`${origin}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: controller.signal,
    });
    const response = await sandbox.handle(request);
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value: string, key: string) => {
      if (key === "set-cookie") return;
      outHeaders[key] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) outHeaders["set-cookie"] = cookies;
    const body = Buffer.from(await response.arrayBuffer());
    if (res.destroyed) return;
    res.writeHead(response.status, outHeaders);
    res.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}${BASE_PATH}`,
    clientId,
    clientSecret,
    linkToken,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
