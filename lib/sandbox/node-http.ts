import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/**
 * Serves a web-standard handler (Request → Response) on node:http: the sandbox in the server's
 * primary process (scripts/serve.ts) and in tests. A client that gives up aborts request.signal.
 */
export function nodeListener(handle: (request: Request) => Promise<Response>, origin: () => string): RequestListener {
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController();
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
    const request = new Request(`${origin()}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: controller.signal,
    });
    const response = await handle(request);
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
  return (req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ message: `sandbox server: ${error instanceof Error ? error.message : String(error)}` }));
    });
  };
}
