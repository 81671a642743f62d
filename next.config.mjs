/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Several builds side by side (parallel work on one machine, the benchmark) each get their own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with `tsc --noEmit` before building; not twice.
  typescript: { ignoreBuildErrors: true },
  // @react-pdf/renderer: loaded by Node as published (its fonts and yoga wasm), not bundled (decision 055).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@react-pdf/renderer"],
  async headers() {
    // The per-request Content-Security-Policy (with its nonce) is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
