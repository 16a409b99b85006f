import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateCourte, etapeParcours, type VueParcoursListe } from "../commun/libelles";
import { legendeListe, type PageListe, PaginationListe, usePageDansAdresse } from "../commun/pagination";

interface Reorientation {
  id: string;
  version: number;
  motif: string;
  creeLe: string;
  beneficiaire: { prenom: string; nom: string };
  operateurOrigine: { nom: string };
}

/** File d'attente de l'opérateur : dossiers sans référent, page par page, à affecter depuis le dossier. */
export function DossiersSansReferent() {
  // Paramètre propre à la file : d'autres listes de la page pourraient avoir leur propre pagination.
  const { page, lien } = usePageDansAdresse("pageFile");
  const { etat } = useDonnees<PageListe<VueParcoursListe>>(
    `/api/v1/parcours?statut=en_cours&sansReferent=true${page > 1 ? `&page=${page}` : ""}`,
  );
  return (
    <section aria-labelledby="titre-file">
      <h2 id="titre-file">Dossiers sans référent</h2>
      <Chargement etat={etat}>
        {(liste) =>
          liste.total === 0 ? (
            <p>Tous les dossiers en cours ont un référent.</p>
          ) : liste.dossiers.length === 0 ? (
            <p>
              Cette page est vide (des dossiers ont été affectés entre-temps).{" "}
              <Link {...lien(1)}>Revenir à la première page</Link>
            </p>
          ) : (
            <>
              <Table
                caption={legendeListe(liste, " en attente d'un référent")}
                headers={["Bénéficiaire", "Étape", "Ouvert le"]}
                data={liste.dossiers.map((p) => [
                  <Link key={p.id} to={`/conseiller/dossiers/${p.id}`}>
                    {p.beneficiaire.prenom} {p.beneficiaire.nom}
                  </Link>,
                  etapeParcours(p),
                  dateCourte(p.creeLe),
                ])}
              />
              <PaginationListe liste={liste} lien={lien} />
            </>
          )
        }
      </Chargement>
    </section>
  );
}

/** Réorientations adressées à l'opérateur : accepter, ou refuser en donnant la raison. */
export function ReorientationsRecues({ apres }: { apres?: () => void }) {
  const { etat, recharger } = useDonnees<Reorientation[]>("/api/v1/reorientations");
  const [raisons, setRaisons] = useState<Record<string, string>>({});
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  async function repondre(r: Reorientation, decision: "accepte" | "refuse") {
    setOk(null);
    const res = await f.soumettre(() =>
      api("POST", `/api/v1/reorientations/${r.id}/reponse`, {
        version: r.version,
        decision,
        reponse: raisons[r.id] || null,
      }),
    );
    if (res) {
      setOk(
        decision === "accepte"
          ? "Réorientation acceptée : le dossier arrive dans votre file."
          : "Réorientation refusée.",
      );
      await recharger();
      apres?.();
    }
  }
  return (
    <section aria-labelledby="titre-reorientations">
      <h2 id="titre-reorientations">Réorientations reçues</h2>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Chargement etat={etat}>
        {(liste) =>
          liste.length === 0 ? (
            <p>Aucune réorientation en attente.</p>
          ) : (
            <ul className="fr-raw-list">
              {liste.map((r) => (
                <li key={r.id} className="fr-mb-3w">
                  <p className="fr-mb-1w">
                    <strong>
                      {r.beneficiaire.prenom} {r.beneficiaire.nom}
                    </strong>{" "}
                    — de {r.operateurOrigine.nom}, le {dateCourte(r.creeLe)} : {r.motif}
                  </p>
                  <Input
                    label={`Raison du refus pour ${r.beneficiaire.prenom} ${r.beneficiaire.nom} (si vous refusez)`}
                    nativeInputProps={{
                      value: raisons[r.id] ?? "",
                      onChange: (e) => setRaisons({ ...raisons, [r.id]: e.target.value }),
                    }}
                  />
                  <ul className="fr-btns-group fr-btns-group--inline-sm">
                    <li>
                      <Button onClick={() => repondre(r, "accepte")}>Accepter</Button>
                    </li>
                    <li>
                      <Button priority="secondary" onClick={() => repondre(r, "refuse")}>
                        Refuser
                      </Button>
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Chargement>
    </section>
  );
}

interface DemandeEffacementVue {
  id: string;
  version: number;
  motif: string | null;
  creeLe: string;
  beneficiaire: { prenom: string; nom: string };
  parcoursOuverts: number;
}

/** Demandes d'effacement (RGPD art. 17) : effectuer l'anonymisation, ou refuser en expliquant pourquoi. */
export function DemandesEffacement() {
  const { etat, recharger } = useDonnees<DemandeEffacementVue[]>("/api/v1/effacements");
  const [reponses, setReponses] = useState<Record<string, string>>({});
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  async function traiter(d: DemandeEffacementVue, decision: "effectuee" | "refusee") {
    setOk(null);
    const r = await f.soumettre(() =>
      api("POST", `/api/v1/effacements/${d.id}/reponse`, {
        version: d.version,
        decision,
        reponse: reponses[d.id] || null,
      }),
    );
    if (r) {
      setOk(
        decision === "effectuee"
          ? "Données effacées (anonymisées)."
          : "Demande refusée ; la personne voit votre réponse.",
      );
      await recharger();
    }
  }
  return (
    <section aria-labelledby="titre-effacements">
      <h2 id="titre-effacements">Demandes d'effacement</h2>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Chargement etat={etat}>
        {(liste) =>
          liste.length === 0 ? (
            <p>Aucune demande d'effacement en attente.</p>
          ) : (
            <ul className="fr-raw-list">
              {liste.map((d) => (
                <li key={d.id} className="fr-mb-3w">
                  <p className="fr-mb-1w">
                    <strong>
                      {d.beneficiaire.prenom} {d.beneficiaire.nom}
                    </strong>
                    , le {dateCourte(d.creeLe)}
                    {d.motif && ` : ${d.motif}`}
                    {d.parcoursOuverts > 0 &&
                      ` — ${d.parcoursOuverts} parcours encore ouvert(s) : clôturez-le avant d'effacer.`}
                  </p>
                  <Input
                    label={`Réponse à ${d.beneficiaire.prenom} ${d.beneficiaire.nom} (obligatoire pour un refus)`}
                    nativeInputProps={{
                      value: reponses[d.id] ?? "",
                      onChange: (e) => setReponses({ ...reponses, [d.id]: e.target.value }),
                    }}
                  />
                  <ul className="fr-btns-group fr-btns-group--inline-sm">
                    <li>
                      <Button onClick={() => traiter(d, "effectuee")}>Effacer les données</Button>
                    </li>
                    <li>
                      <Button priority="secondary" onClick={() => traiter(d, "refusee")}>
                        Refuser
                      </Button>
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Chargement>
    </section>
  );
}
