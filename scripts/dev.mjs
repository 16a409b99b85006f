#!/usr/bin/env node
// `npm run dev` : l'API (tsx en mode surveillance) et Vite (rechargement à chaud) ensemble ; Ctrl+C arrête les deux.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3000";
const processus = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "src/cli/main.ts", "serve"], {
    stdio: "inherit",
    env: { ...process.env, PORT: port },
  }),
  spawn("npx", ["vite"], { stdio: "inherit", env: { ...process.env, PORT: port } }),
];
console.log(
  `API sur http://localhost:${port} ; interface avec rechargement à chaud sur http://localhost:5173`,
);
const arreter = () => {
  for (const p of processus) p.kill("SIGTERM");
};
process.on("SIGINT", arreter);
process.on("SIGTERM", arreter);
for (const p of processus)
  p.on("exit", (code) => {
    if (code && code !== 0) {
      arreter();
      process.exitCode = code;
    }
  });
