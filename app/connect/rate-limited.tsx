/** What an end user sees when their address made too many requests to the invitation pages (lib/security/public-request-limit.ts). */
export function RateLimited({ message }: { message: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6" data-testid="rate-limited">
      <h1 className="text-xl font-semibold">{message}</h1>
    </section>
  );
}
