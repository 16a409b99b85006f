import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useRef, useState } from "react";
import { api, ErreurApi } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { type DossierVue, dateHeure } from "../commun/libelles";

/**
 * Onglet « Réunions d'information » du dossier : les séances à venir de l'opérateur, la place de la personne (confirmée
 * ou rang sur la liste d'attente), l'inscrire ou annuler son inscription. Le résultat est annoncé (place confirmée, ou
 * liste d'attente avec le rang).
 */
interface SeanceDossier {
  id: string;
  theme: string;
  lieu: "site" | "distance";
  site: { nom: string; commune: string } | null;
  debut: string;
  dureeMinutes: number;
  places: number;
  placesRestantes: number;
  inscription: {
    id: string;
    version: number;
    place: "confirmee" | "liste_attente";
    rangAttente: number | null;
  } | null;
}

interface Annonce {
  severite: "success" | "warning" | "info" | "error";
  texte: string;
}

export function ReunionsDossier({ p }: { p: DossierVue }) {
  const { etat, recharger } = useDonnees<SeanceDossier[]>(`/api/v1/parcours/${p.id}/reunions`);
  const [annonce, setAnnonce] = useState<Annonce | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const zone = useRef<HTMLDivElement>(null);
  const personne = `${p.beneficiaire.prenom} ${p.beneficiaire.nom}`;
  const clos = p.statut === "clos";

  async function agir(action: () => Promise<Annonce>) {
    setEnvoi(true);
    try {
      setAnnonce(await action());
    } catch (e) {
      setAnnonce({
        severite: "error",
        texte: e instanceof ErreurApi ? e.message : "Action impossible. Réessayez.",
      });
    } finally {
      setEnvoi(false);
      await recharger();
      setTimeout(() => zone.current?.focus(), 0);
    }
  }

  const inscrire = (r: SeanceDossier) =>
    agir(async () => {
      const i = await api<{ place: string; rangAttente: number | null }>(
        "POST",
        `/api/v1/reunions/${r.id}/inscriptions-dossier`,
        { parcoursId: p.id },
      );
      return i.place === "confirmee"
        ? { severite: "success", texte: `Inscription de ${personne} à « ${r.theme} » : place confirmée.` }
        : {
            severite: "warning",
            texte: `La réunion « ${r.theme} » est complète : ${personne} est sur la liste d'attente, en position ${i.rangAttente}. Sa place sera confirmée automatiquement si quelqu'un se désiste.`,
          };
    });

  const annuler = (r: SeanceDossier) =>
    agir(async () => {
      await api("POST", `/api/v1/inscriptions-reunion/${r.inscription!.id}/annulation`, {
        version: r.inscription!.version,
      });
      return { severite: "info", texte: `L'inscription de ${personne} à « ${r.theme} » est annulée.` };
    });

  return (
    <section aria-labelledby="titre-reunions-dossier">
      <h2 id="titre-reunions-dossier">Réunions d'information</h2>
      <p>
        Les réunions collectives d'information à venir de {p.operateur.nom}. Quand une réunion est complète,
        la personne est placée sur la liste d'attente et monte d'elle-même à chaque désistement.
      </p>
      <div ref={zone} tabIndex={-1} role="status" aria-live="polite">
        {annonce && (
          <Alert className="fr-mb-2w" severity={annonce.severite} small description={annonce.texte} />
        )}
      </div>
      <Chargement etat={etat}>
        {(seances) =>
          seances.length === 0 ? (
            <p>
              Aucune réunion à venir pour l'instant. Les réunions se planifient depuis la page Réunions
              d'information.
            </p>
          ) : (
            <Table
              caption={`Réunions à venir et inscription de ${personne}`}
              headers={["Thème", "Date", "Lieu", "Places restantes", `Place de ${personne}`, "Action"]}
              data={seances.map((r) => [
                r.theme,
                `${dateHeure(r.debut)} (${r.dureeMinutes} min)`,
                r.lieu === "distance"
                  ? "À distance"
                  : r.site
                    ? `${r.site.nom}, ${r.site.commune}`
                    : "Sur site",
                `${r.placesRestantes} sur ${r.places}`,
                r.inscription === null ? (
                  "Aucune inscription"
                ) : r.inscription.place === "confirmee" ? (
                  <Badge key="place" severity="success" small>
                    Place confirmée
                  </Badge>
                ) : (
                  <Badge key="place" severity="warning" small>
                    {`Liste d'attente (${r.inscription.rangAttente})`}
                  </Badge>
                ),
                clos ? (
                  "Dossier clos"
                ) : r.inscription === null ? (
                  <Button key="action" size="small" disabled={envoi} onClick={() => inscrire(r)}>
                    {r.placesRestantes > 0 ? "Inscrire" : "Inscrire en liste d'attente"}
                    <span className="fr-sr-only">
                      {" "}
                      : {personne}, « {r.theme} »
                    </span>
                  </Button>
                ) : (
                  <Button
                    key="action"
                    size="small"
                    priority="tertiary"
                    disabled={envoi}
                    onClick={() => annuler(r)}
                  >
                    Annuler l'inscription
                    <span className="fr-sr-only">
                      {" "}
                      : {personne}, « {r.theme} »
                    </span>
                  </Button>
                ),
              ])}
            />
          )
        }
      </Chargement>
    </section>
  );
}
