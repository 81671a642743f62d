// GET /api/health – for the load balancer: 200 when this instance can serve, 503 otherwise. Public by design (no secret, no data).
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/services/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
