import { z } from "zod";
import { orienter } from "../../app/orientation/orienter.js";
import { TYPES_OPERATEUR_ORIENTATION } from "../../domain/orientation.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Orientation"];

export async function routesOrientation(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/orientation",
    cas: orienter,
    publique: true,
    resume: "Savoir si l'on peut bénéficier du CEP et quels opérateurs sont compétents (sans compte)",
    tags,
    schema: {
      body: orienter.entree,
      response: {
        200: z.object({
          eligible: z.boolean(),
          motifs: z.array(z.string()),
          operateurs: z.array(
            z.object({
              type: z.enum(TYPES_OPERATEUR_ORIENTATION),
              nom: z.string(),
              region: z.string().optional(),
              codeRegion: z.string().optional(),
              url: z.string().optional(),
              motif: z.string(),
            }),
          ),
        }),
      },
    },
  });
}
