import { defineConfig } from "vitest/config";

/** Tests de navigateur : vrai Chromium (playwright-core + /usr/bin/chromium) sur le produit construit. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    globalSetup: ["test/e2e/support/serveur.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
