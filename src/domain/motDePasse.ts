/** Politique de mot de passe (recommandations ANSSI pour un mot de passe seul : longueur avant complexité). */

export const LONGUEUR_MIN_MOT_DE_PASSE = 12;
export const LONGUEUR_MAX_MOT_DE_PASSE = 256;

/** Renvoie la raison du refus en français, ou `null` si le mot de passe est acceptable. */
export function raisonRefusMotDePasse(motDePasse: string, email?: string): string | null {
  if (motDePasse.length < LONGUEUR_MIN_MOT_DE_PASSE)
    return `Le mot de passe doit contenir au moins ${LONGUEUR_MIN_MOT_DE_PASSE} caractères.`;
  if (motDePasse.length > LONGUEUR_MAX_MOT_DE_PASSE)
    return `Le mot de passe ne doit pas dépasser ${LONGUEUR_MAX_MOT_DE_PASSE} caractères.`;
  if (new Set(motDePasse).size < 5) return "Le mot de passe est trop répétitif : variez les caractères.";
  if (email && motDePasse.toLowerCase().includes(email.split("@")[0]!.toLowerCase()))
    return "Le mot de passe ne doit pas contenir votre adresse électronique.";
  return null;
}
