import { z } from "zod";
import type { App, OptionsServeur } from "../serveur.js";

export async function routesSante(app: App, o: OptionsServeur) {
  app.get(
    "/api/health",
    {
      schema: {
        summary: "État du service",
        description:
          "Répond `ok` quand la base répond ; indique la base utilisée et les versions des référentiels chargés.",
        tags: ["Service"],
        response: {
          200: z.object({
            statut: z.literal("ok"),
            base: z.enum(["sqlite", "postgresql"]),
            referentiels: z.record(z.string(), z.unknown()),
          }),
          503: z.object({
            statut: z.literal("degrade"),
            base: z.enum(["sqlite", "postgresql"]),
            message: z.string(),
          }),
        },
      },
    },
    async (_req, reply) => {
      if (!(await o.base.repond()))
        return reply
          .status(503)
          .send({ statut: "degrade", base: o.base.type, message: "La base de données ne répond pas." });
      return { statut: "ok" as const, base: o.base.type, referentiels: (await o.referentiels?.()) ?? {} };
    },
  );
}
