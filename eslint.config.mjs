// ESLint (flat config): typescript-eslint without type-aware rules (the whole lint stays well under a
// minute on two cores), the Next.js and React hooks rules, import cycles, and the layer rules of
// decision 046 (README, "Layers"). Layers are enforced with no-restricted-imports patterns per folder:
// every import across folders goes through the "@/" alias, so a pattern on the specifier is enough.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const SOURCE = ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"];
const TESTS = ["**/*.test.{ts,tsx}", "e2e/**", "**/test/**"];

/** Files under `dir` (relative, without extension) whose first statement is `import "server-only"`. */
function serverOnlyModules(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes(".test."))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => /^import "server-only";/m.test(readFileSync(file, "utf8")))
    .map(
      (file) =>
        "@/" +
        file
          .replace(/\.tsx?$/, "")
          .split(path.sep)
          .join("/"),
    );
}

/** Client components (`"use client"` first): they run in the browser and must not import server-only modules. */
function clientComponents(dirs) {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".tsx"))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => /^["']use client["']/.test(readFileSync(file, "utf8").trimStart()))
      .map((file) => file.split(path.sep).join("/")),
  );
}

const layer = (message, group, options = {}) => ({ group, message, ...options });

// Folders whose code may open the database: services, auth (sessions, sign-in), jobs, and the domain
// folders that already did (connections, sync, audit, crypto key rotation, the rate limiter, leases, stored exchange rates).
const DB_READERS = [
  "lib/db/**",
  "lib/services/**",
  "lib/auth/**",
  "lib/jobs/**",
  "lib/connections/**",
  "lib/sync/**",
  "lib/audit/**",
  "lib/crypto/**",
  "lib/security/**",
  "lib/fx/**",
  // The Flanks client's composition root: it hands the client a token store kept in the database (decision 049).
  "lib/flanks/get-flanks-client.ts",
  // Raw SQL on the search tables, in each database's dialect (decision 048).
  "lib/wealth/purge-search-index.ts",
];

const rules = {
  lib: layer("lib/ sits below app/ and components/: pass what it needs in as an argument (decision 046).", ["@/app/*", "@/components/*", "../*"]),
  services: layer("Only entry points (app/, components/, lib/jobs) call lib/services; domain code below it must not (decision 046).", ["@/lib/services/*"]),
  jobs: layer("lib/jobs is an entry point (the scheduler); nothing in lib/ imports it (decision 046).", ["@/lib/jobs/*"]),
  db: layer("Only lib/services, lib/auth and the domain folders listed in eslint.config.mjs open the database (decision 046).", ["@/lib/db", "@/lib/db/*"], {
    allowTypeImports: true,
  }),
  appDomain: layer("Pages, routes and actions call lib/services, never the database, Flanks, the sandbox or the vault directly (decision 046).", [
    "@/lib/db",
    "@/lib/db/*",
    "@/lib/flanks/*",
    "!@/lib/flanks/schemas",
    "!@/lib/flanks/schemas/*",
    "@/lib/sandbox/*",
    "@/lib/crypto/*",
    "@/lib/jobs/*",
  ]),
  appSync: layer("Running or writing a sync goes through a service (decision 046).", ["@/lib/sync/sync-*", "@/lib/sync/run-*", "@/lib/sync/bulk-write"]),
  base: layer("lib/db, lib/env, lib/config, lib/errors, lib/log, lib/money and lib/validation are the base: they import nothing above them (decision 046).", [
    "@/lib/connections/*",
    "@/lib/invitations/*",
    "@/lib/sync/*",
    "@/lib/wealth/*",
    "@/lib/flanks/*",
    "@/lib/audit/*",
    "@/lib/crypto/*",
    "@/lib/auth/*",
    "@/lib/security/*",
    "@/lib/sandbox/*",
    "@/lib/i18n/*",
  ]),
  components: layer("components/ sit below app/: a page passes its server action in as a prop (decision 046).", ["@/app/*"]),
  parent: layer("Import from another folder through '@/', so the layer rules see it (decision 046).", ["../*"]),
};

const restrict = (...patterns) => ["error", { patterns }];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "data/**",
      "test-results*/**",
      "playwright-report/**",
      "bench/node_modules/**",
      "bench/results/**",
      "bench/tmp*/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  ...tseslint.configs.recommended,
  {
    files: SOURCE,
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, "import-x": importX },
    // "@/…" is our own code (tsconfig paths), not a scoped package: without this no-cycle skips it as external.
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver": undefined,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/internal-regex": "^@/",
    },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{cjs,js}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Layers (decision 046), top to bottom: app → components → lib/jobs, lib/services → domain → lib/db, lib/env…
  { files: ["lib/**"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib, rules.jobs, rules.services, rules.db) } },
  { files: ["lib/services/**"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib, rules.jobs) } },
  { files: ["lib/jobs/**"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib) } },
  {
    files: DB_READERS,
    ignores: ["lib/services/**", "lib/jobs/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib, rules.jobs, rules.services) },
  },
  {
    files: ["lib/db/**", "lib/db.ts", "lib/env.ts", "lib/config/**", "lib/errors/**", "lib/log/**", "lib/money/**", "lib/validation/**"],
    ignores: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib, rules.jobs, rules.services, rules.base) },
  },
  // A domain test may drive the service above the code it tests (the reconciliation test drives the exchange).
  { files: ["lib/**/*.test.ts"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.lib) } },
  { files: ["app/**"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.appDomain, rules.appSync) } },
  { files: ["components/**"], rules: { "@typescript-eslint/no-restricted-imports": restrict(rules.components, rules.parent, rules.db, rules.jobs) } },
  {
    files: clientComponents(["app", "components"]),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "server-only", message: "A client component runs in the browser." }],
          patterns: [
            rules.components,
            rules.appDomain,
            layer("A client component runs in the browser: it cannot import a server-only module (decision 046).", serverOnlyModules("lib"), {
              allowTypeImports: true,
            }),
          ],
        },
      ],
    },
  },
  { files: TESTS, rules: { "@typescript-eslint/no-non-null-assertion": "off" } },
);
