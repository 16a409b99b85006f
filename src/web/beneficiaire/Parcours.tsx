import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useState } from "react";
import { useParams } from "react-router";
import { api } from "../api";
import { PistesMetiersSection } from "../commun/competences/Pistes";
import { ProfilCompetencesSection } from "../commun/competences/Profil";
import { ProjetsSection } from "../commun/competences/Projets";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import {
  type DossierVue,
  dateCourte,
  dateHeure,
  etapeNumero,
  LIBELLES_MODALITE,
  LIBELLES_STATUT_RENDEZ_VOUS,
  type NoteVue,
  type RendezVousVue,
} from "../commun/libelles";
import { Page } from "../commun/Page";
import { EtapeParcours, FilMessages } from "../commun/parcours";
import { Chronologie, SituationDemande } from "../conseiller/Dossier";
import { EtatDesLieuxBeneficiaire } from "../conseiller/EtatDesLieux";
import { useSession } from "../session";
import { MonPlan } from "./MonPlan";
import { SyntheseBeneficiaire } from "./Synthese";

const PROCHAINES_ETAPES: Record<number, string> = {
  1: "Avec votre conseiller ou conseillère, vous précisez votre demande et repérez les informations et les appuis utiles. Vous décidez ensuite de poursuivre, ou non, vers un accompagnement personnalisé.",
  2: "Vous construisez votre projet professionnel : vos compétences, les métiers possibles, la faisabilité. Préparez vos questions pour le prochain rendez-vous.",
  3: "Vous mettez en œuvre votre projet : le plan d'actions, les démarches et le financement, étape par étape.",
};

const ONGLETS = [
  { tabId: "parcours", label: "Mon parcours" },
  { tabId: "rendez-vous", label: "Mes rendez-vous" },
  { tabId: "echanges", label: "Mes échanges" },
  { tabId: "notes", label: "Notes partagées" },
  { tabId: "etat-des-lieux", label: "État des lieux" },
  { tabId: "situation", label: "Ma situation" },
  { tabId: "profil", label: "Mon profil" },
  { tabId: "pistes", label: "Pistes métiers" },
  { tabId: "projets", label: "Mes projets" },
  { tabId: "document-synthese", label: "Mon document de synthèse" },
  { tabId: "plan", label: "Mon plan d'actions" },
];

/** Le parcours vu par le bénéficiaire : étape, prochaines étapes, rendez-vous, échanges, notes partagées, situation. */
export function ParcoursBeneficiaire() {
  const { id } = useParams();
  const { etat, recharger } = useDonnees<DossierVue>(`/api/v1/parcours/${id}`);
  const [onglet, setOnglet] = useState("parcours");
  const { session } = useSession();
  const moi = session.statut === "connecte" ? session.compte.id : "";
  return (
    <Page titre="Mon parcours en détail" accueil="/mon-espace">
      <Chargement etat={etat}>
        {(p) => (
          <>
            <p className="fr-text--lead">
              {p.operateur.nom}
              {p.referent && ` — votre conseiller ou conseillère : ${p.referent.prenom} ${p.referent.nom}`}
            </p>
            <EtapeParcours p={p} />
            <Tabs label="Mon parcours" tabs={ONGLETS} selectedTabId={onglet} onTabChange={setOnglet}>
              {onglet === "parcours" && (
                <div>
                  <h2>Où j'en suis</h2>
                  {p.statut === "clos" ? (
                    <CallOut title="Votre parcours est terminé">
                      Il a été clos le {p.closLe ? dateCourte(p.closLe) : "—"}. Vos documents restent
                      disponibles dans « Mes données ».
                    </CallOut>
                  ) : (
                    <CallOut title="Prochaines étapes">{PROCHAINES_ETAPES[etapeNumero(p)]}</CallOut>
                  )}
                  <Chronologie parcoursId={p.id} />
                </div>
              )}
              {onglet === "rendez-vous" && <MesRendezVous parcoursId={p.id} />}
              {onglet === "echanges" && (
                <>
                  <h2>Mes échanges avec mon conseiller ou ma conseillère</h2>
                  <FilMessages parcoursId={p.id} moi={moi} clos={p.statut === "clos"} />
                </>
              )}
              {onglet === "notes" && <NotesPartagees parcoursId={p.id} />}
              {onglet === "etat-des-lieux" && (
                <>
                  <h2>État des lieux de mes premiers échanges (niveau 1)</h2>
                  <EtatDesLieuxBeneficiaire parcoursId={p.id} />
                </>
              )}
              {onglet === "situation" && <SituationDemande p={p} apres={recharger} beneficiaire />}
              {onglet === "profil" && (
                <ProfilCompetencesSection parcoursId={p.id} modifiable={p.statut !== "clos"} beneficiaire />
              )}
              {onglet === "pistes" && (
                <PistesMetiersSection parcoursId={p.id} modifiable={p.statut !== "clos"} />
              )}
              {onglet === "projets" && (
                <ProjetsSection parcoursId={p.id} modifiable={p.statut !== "clos"} conseiller={false} />
              )}
              {onglet === "document-synthese" && <SyntheseBeneficiaire parcoursId={p.id} />}
              {onglet === "plan" && <MonPlan parcoursId={p.id} clos={p.statut === "clos"} />}
            </Tabs>
          </>
        )}
      </Chargement>
    </Page>
  );
}

function MesRendezVous({ parcoursId }: { parcoursId: string }) {
  const { etat, recharger } = useDonnees<RendezVousVue[]>(`/api/v1/parcours/${parcoursId}/rendez-vous`);
  const f = useFormulaire();
  const [ok, setOk] = useState<string | null>(null);
  async function repondre(r: RendezVousVue, statut: "confirme" | "annule") {
    setOk(null);
    const res = await f.soumettre(() =>
      api("POST", `/api/v1/parcours/${parcoursId}/rendez-vous/${r.id}/reponse`, {
        version: r.version,
        statut,
      }),
    );
    if (res) {
      setOk(
        statut === "confirme"
          ? "Rendez-vous confirmé. Merci !"
          : "Rendez-vous annulé : votre conseiller est prévenu.",
      );
      await recharger();
    }
  }
  const maintenant = new Date().toISOString();
  return (
    <div>
      <h2>Mes rendez-vous</h2>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Chargement etat={etat}>
        {(liste) =>
          liste.length === 0 ? (
            <p>Aucun rendez-vous pour l'instant.</p>
          ) : (
            <Table
              caption="Mes rendez-vous"
              headers={["Date", "Modalité", "Lieu", "État", "Répondre"]}
              data={liste.map((r) => [
                dateHeure(r.debut),
                LIBELLES_MODALITE[r.modalite],
                r.lieuAffiche,
                LIBELLES_STATUT_RENDEZ_VOUS[r.statut],
                r.statut === "annule" || r.debut < maintenant ? (
                  "—"
                ) : (
                  <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm" key={r.id}>
                    {r.statut === "propose" && (
                      <Button
                        size="small"
                        onClick={() => repondre(r, "confirme")}
                        title={`Confirmer le rendez-vous du ${dateHeure(r.debut)}`}
                      >
                        Confirmer
                      </Button>
                    )}
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() => repondre(r, "annule")}
                      title={`Annuler le rendez-vous du ${dateHeure(r.debut)}`}
                    >
                      Annuler
                    </Button>
                  </div>
                ),
              ])}
            />
          )
        }
      </Chargement>
    </div>
  );
}

function NotesPartagees({ parcoursId }: { parcoursId: string }) {
  const { etat } = useDonnees<NoteVue[]>(`/api/v1/parcours/${parcoursId}/notes`);
  return (
    <div>
      <h2>Notes partagées par mon conseiller ou ma conseillère</h2>
      <Chargement etat={etat}>
        {(notes) =>
          notes.length === 0 ? (
            <p>Aucune note partagée pour l'instant.</p>
          ) : (
            <ul className="fr-raw-list">
              {notes.map((n) => (
                <li key={n.id} className="fr-mb-2w">
                  <p className="fr-text--sm fr-mb-0">
                    {dateHeure(n.creeLe)}
                    {n.auteur && ` · ${n.auteur.prenom} ${n.auteur.nom}`}
                  </p>
                  <p style={{ whiteSpace: "pre-wrap" }}>{n.texte}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Chargement>
    </div>
  );
}
