#!/usr/bin/env node
// Point d'entrée de la commande `cep` : la version compilée (npm run build) si elle existe,
// sinon les sources TypeScript via tsx (développement).
import { existsSync } from "node:fs";

const compile = new URL("../dist/server/cli/main.js", import.meta.url);
if (existsSync(compile)) {
  await import(compile.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
