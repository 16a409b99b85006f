import type { ContenuSynthese } from "../domain/synthese.js";

/** Ce qui identifie une version du document : son statut lisible et, une fois émise, l'empreinte de son contenu. */
export interface EnTeteDocument {
  statut: string;
  empreinte?: string;
}

export const titreDocument = (c: ContenuSynthese) =>
  c.niveau === 1
    ? "Conseil en évolution professionnelle — accueil individualisé (niveau 1)"
    : "Conseil en évolution professionnelle — accompagnement personnalisé (niveau 2)";

export const MENTIONS_LEGALES = [
  "Ce document vous est remis dans le cadre du conseil en évolution professionnelle (article L6111-6 du Code du travail ; cahier des charges fixé par l'arrêté du 29 mars 2019). Le conseil est gratuit.",
  "Il est confidentiel : votre conseiller ou conseillère est tenu à la discrétion professionnelle. Ce document n'est communiqué à un tiers (financeur, prestataire de bilan…) qu'avec votre accord exprès, que vous pouvez retirer à tout moment depuis votre espace.",
  "Vous pouvez accéder à vos données, les rectifier, en demander une copie ou l'effacement dans les limites légales, depuis votre espace ou auprès de votre opérateur (règlement général sur la protection des données).",
];
