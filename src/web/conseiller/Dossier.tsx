import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { api, ErreurApi } from "../api";
import { PistesMetiersSection } from "../commun/competences/Pistes";
import { ProfilCompetencesSection } from "../commun/competences/Profil";
import { ProjetsSection } from "../commun/competences/Projets";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import {
  type DossierVue,
  dateCourte,
  dateHeure,
  type EntretienVue,
  type EvenementVue,
  LIBELLES_MODALITE,
  LIBELLES_MOTIF_CLOTURE,
  LIBELLES_QUALIFICATION,
  LIBELLES_STATUT_ACTIVITE,
  LIBELLES_STATUT_RENDEZ_VOUS,
  LIBELLES_TRANCHE_AGE,
  type NoteVue,
  type RendezVousVue,
  type Situation,
} from "../commun/libelles";
import { Page } from "../commun/Page";
import { EtapeParcours, FilMessages } from "../commun/parcours";
import { useSession } from "../session";
import { EtatDesLieuxConseiller } from "./EtatDesLieux";
import { CalendrierPlanConseiller, FinancementPlanConseiller, PlanActionsConseiller } from "./PlanActions";
import { ReunionsDossier } from "./ReunionsDossier";
import { SyntheseConseiller } from "./Synthese";

const ONGLETS = [
  { tabId: "synthese", label: "Situation et demande" },
  { tabId: "etape", label: "Étape" },
  { tabId: "chronologie", label: "Chronologie" },
  { tabId: "notes", label: "Notes" },
  { tabId: "entretiens", label: "Entretiens" },
  { tabId: "etat-des-lieux", label: "État des lieux" },
  { tabId: "profil", label: "Profil et compétences" },
  { tabId: "pistes", label: "Pistes métiers" },
  { tabId: "projet", label: "Projet" },
  { tabId: "rendez-vous", label: "Rendez-vous" },
  { tabId: "echanges", label: "Échanges" },
  { tabId: "transferts", label: "Référent et transferts" },
  { tabId: "acces", label: "Journal d'accès" },
  { tabId: "reunions", label: "Réunions d'information" },
  { tabId: "document-synthese", label: "Document de synthèse" },
  { tabId: "plan", label: "Plan d'actions" },
  { tabId: "financement", label: "Financement" },
  { tabId: "calendrier", label: "Calendrier" },
];

/** Le dossier d'un bénéficiaire, côté conseiller : en-tête (étape, référent) et onglets sans rechargement. */
export function DossierConseiller() {
  const { id } = useParams();
  const { etat, recharger } = useDonnees<DossierVue>(`/api/v1/parcours/${id}`);
  const [onglet, setOnglet] = useState("synthese");
  const { session } = useSession();
  const moi = session.statut === "connecte" ? session.compte.id : "";
  const titre =
    etat.statut === "pret"
      ? `Dossier de ${etat.donnees.beneficiaire.prenom} ${etat.donnees.beneficiaire.nom}`
      : "Dossier";
  return (
    <Page titre={titre} accueil="/conseiller">
      <Chargement etat={etat}>
        {(p) => (
          <>
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
              <div className="fr-col-12 fr-col-md-7">
                <EtapeParcours p={p} />
              </div>
              <div className="fr-col-12 fr-col-md-5">
                <dl>
                  <dt className="fr-text--bold">Référent·e</dt>
                  <dd>
                    {p.referent
                      ? `${p.referent.prenom} ${p.referent.nom}`
                      : "Aucun pour l'instant (file d'attente)"}
                    {p.suppleant &&
                      ` — remplacé·e par ${p.suppleant.prenom} ${p.suppleant.nom} jusqu'au ${p.suppleantJusquAu}`}
                  </dd>
                  <dt className="fr-text--bold">Opérateur</dt>
                  <dd>{p.operateur.nom}</dd>
                  <dt className="fr-text--bold">Ouvert le</dt>
                  <dd>{dateCourte(p.creeLe)}</dd>
                </dl>
                {session.statut === "connecte" && session.compte.role === "responsable" ? (
                  <AffecterReferent p={p} apres={recharger} />
                ) : (
                  !p.referent && (
                    <PrendreEnCharge parcoursId={p.id} version={p.version} moi={moi} apres={recharger} />
                  )
                )}
              </div>
            </div>
            <Tabs label="Rubriques du dossier" tabs={ONGLETS} selectedTabId={onglet} onTabChange={setOnglet}>
              {onglet === "synthese" && <SituationDemande p={p} apres={recharger} />}
              {onglet === "etape" && <Etape key={p.version} p={p} apres={recharger} />}
              {onglet === "etat-des-lieux" && (
                <EtatDesLieuxConseiller parcoursId={p.id} clos={p.statut === "clos"} />
              )}
              {onglet === "profil" && (
                <ProfilCompetencesSection
                  parcoursId={p.id}
                  modifiable={p.statut !== "clos"}
                  beneficiaire={false}
                />
              )}
              {onglet === "pistes" && (
                <PistesMetiersSection parcoursId={p.id} modifiable={p.statut !== "clos"} />
              )}
              {onglet === "projet" && (
                <ProjetsSection parcoursId={p.id} modifiable={p.statut !== "clos"} conseiller />
              )}
              {onglet === "chronologie" && <Chronologie parcoursId={p.id} />}
              {onglet === "notes" && <Notes parcoursId={p.id} />}
              {onglet === "entretiens" && <Entretiens p={p} />}
              {onglet === "rendez-vous" && <RendezVousConseiller p={p} />}
              {onglet === "echanges" && (
                <>
                  <h2>Échanges écrits</h2>
                  <FilMessages parcoursId={p.id} moi={moi} clos={p.statut === "clos"} />
                </>
              )}
              {onglet === "acces" && <JournalAccesDossier parcoursId={p.id} />}
              {onglet === "transferts" && <Transferts key={p.version} p={p} apres={recharger} />}
              {onglet === "reunions" && <ReunionsDossier p={p} />}
              {onglet === "document-synthese" && <SyntheseConseiller parcoursId={p.id} />}
              {onglet === "plan" && <PlanActionsConseiller parcoursId={p.id} clos={p.statut === "clos"} />}
              {onglet === "financement" && (
                <FinancementPlanConseiller parcoursId={p.id} clos={p.statut === "clos"} />
              )}
              {onglet === "calendrier" && <CalendrierPlanConseiller parcoursId={p.id} />}
            </Tabs>
          </>
        )}
      </Chargement>
    </Page>
  );
}

function PrendreEnCharge(props: { parcoursId: string; version: number; moi: string; apres: () => void }) {
  const f = useFormulaire();
  return (
    <>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      <Button
        priority="secondary"
        onClick={async () => {
          if (
            await f.soumettre(() =>
              api("PUT", `/api/v1/parcours/${props.parcoursId}/referent`, {
                version: props.version,
                referentId: props.moi,
              }),
            )
          )
            props.apres();
        }}
      >
        Prendre en charge ce dossier
      </Button>
    </>
  );
}

/** Le responsable désigne ou change le référent parmi les conseillers de l'opérateur. */
function AffecterReferent({ p, apres }: { p: DossierVue; apres: () => Promise<void> | void }) {
  const { etat } = useDonnees<{ id: string; prenom: string; nom: string; actif: boolean }[]>(
    `/api/v1/comptes?operateurId=${p.operateur.id}&role=conseiller`,
  );
  const [choix, setChoix] = useState(p.referent?.id ?? "");
  const f = useFormulaire();
  if (p.statut === "clos") return null;
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await f.soumettre(() =>
            api("PUT", `/api/v1/parcours/${p.id}/referent`, { version: p.version, referentId: choix }),
          )
        )
          await apres();
      }}
    >
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={{ referentId: "Référent·e" }}
      />
      <Chargement etat={etat}>
        {(conseillers) => (
          <Select
            label="Référent·e du dossier"
            {...f.etat("referentId")}
            nativeSelectProps={{
              id: "champ-referentId",
              value: choix,
              onChange: (e) => setChoix(e.target.value),
            }}
          >
            <option value="">Choisir un conseiller</option>
            {conseillers
              .filter((c) => c.actif)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.prenom} {c.nom}
                </option>
              ))}
          </Select>
        )}
      </Chargement>
      <Button type="submit" priority="secondary" disabled={f.envoi}>
        Affecter
      </Button>
    </form>
  );
}

const LIBELLES_SITUATION: Record<string, string> = {
  demande: "Demande",
  "situation.statut": "Situation professionnelle",
  "situation.secteur": "Secteur de l'employeur",
  "situation.qualification": "Niveau de qualification",
  "situation.trancheAge": "Tranche d'âge",
  "situation.commune": "Commune",
  "situation.handicap": "Handicap déclaré",
};

type Brouillon = { demande: string } & Record<keyof Situation, string>;
const versBrouillon = (p: DossierVue): Brouillon => ({
  demande: p.demande ?? "",
  statut: p.situation.statut ?? "",
  secteur: p.situation.secteur ?? "",
  qualification: p.situation.qualification ?? "",
  trancheAge: p.situation.trancheAge ?? "",
  commune: p.situation.commune ?? "",
  handicap: p.situation.handicap ?? "",
});

/**
 * Situation et demande, modifiables avec la version lue. Si quelqu'un a modifié le dossier entre-temps (409),
 * la saisie est gardée et l'écran dit ce qui a changé, champ par champ.
 */
export function SituationDemande({
  p,
  apres,
  beneficiaire = false,
}: {
  p: DossierVue;
  apres: () => Promise<void> | void;
  beneficiaire?: boolean;
}) {
  const [v, setV] = useState<Brouillon>(() => versBrouillon(p));
  const [base, setBase] = useState({ version: p.version, valeurs: versBrouillon(p) });
  const [changements, setChangements] = useState<string[] | null>(null);
  const [ok, setOk] = useState(false);
  const f = useFormulaire();
  const lectureSeule = p.statut === "clos";
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(false);
    const r = await f.soumettre(async () => {
      try {
        return await api<DossierVue>("PUT", `/api/v1/parcours/${p.id}/situation`, {
          version: base.version,
          demande: v.demande || null,
          situation: {
            statut: v.statut || null,
            secteur: v.secteur || null,
            qualification: v.qualification || null,
            trancheAge: v.trancheAge || null,
            commune: v.commune || null,
            handicap: p.handicapMasque ? null : v.handicap || null,
          },
        });
      } catch (err) {
        if (err instanceof ErreurApi && err.statut === 409) {
          const courant = await api<DossierVue>("GET", `/api/v1/parcours/${p.id}`);
          const nouveau = versBrouillon(courant);
          setChangements(
            (Object.keys(nouveau) as (keyof Brouillon)[])
              .filter((k) => nouveau[k] !== base.valeurs[k])
              .map(
                (k) =>
                  `${LIBELLES_SITUATION[k === "demande" ? k : `situation.${k}`]} : maintenant « ${nouveau[k] || "vide"} »${nouveau[k] !== v[k] ? ` (vous aviez saisi « ${v[k] || "vide"} »)` : ""}`,
              ),
          );
          setBase({ version: courant.version, valeurs: nouveau });
        }
        throw err;
      }
    });
    if (r) {
      setChangements(null);
      setBase({ version: r.version, valeurs: versBrouillon(r) });
      setOk(true);
      await apres();
    }
  }
  const texte = (nom: "secteur" | "commune", label: string) => (
    <Input
      label={label}
      disabled={lectureSeule}
      {...f.etat(`situation.${nom}`)}
      nativeInputProps={{
        id: `champ-situation.${nom}`,
        value: v[nom],
        onChange: (e) => setV({ ...v, [nom]: e.target.value }),
      }}
    />
  );
  const choix = (
    nom: "statut" | "qualification" | "trancheAge",
    label: string,
    options: Record<string, string>,
  ) => (
    <Select
      label={label}
      disabled={lectureSeule}
      {...f.etat(`situation.${nom}`)}
      nativeSelectProps={{
        id: `champ-situation.${nom}`,
        value: v[nom],
        onChange: (e) => setV({ ...v, [nom]: e.target.value }),
      }}
    >
      <option value="">Non renseigné</option>
      {Object.entries(options).map(([k, l]) => (
        <option key={k} value={k}>
          {l}
        </option>
      ))}
    </Select>
  );
  return (
    <form onSubmit={envoyer} noValidate>
      <h2>{beneficiaire ? "Ma situation et ma demande" : "Situation et demande"}</h2>
      {changements && (
        <Alert
          severity="warning"
          className="fr-mb-2w"
          title="Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie"
          description={
            <>
              <p>Votre saisie est conservée ci-dessous. Voici ce qui a changé :</p>
              <ul>
                {changements.length ? (
                  changements.map((c) => <li key={c}>{c}</li>)
                ) : (
                  <li>Une autre partie du dossier (étape, référent).</li>
                )}
              </ul>
              <p>Vérifiez, puis enregistrez à nouveau pour garder votre version.</p>
            </>
          }
        />
      )}
      <ResumeErreurs
        message={changements ? null : f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={LIBELLES_SITUATION}
      />
      {ok && (
        <Alert severity="success" small description="Modifications enregistrées." className="fr-mb-2w" />
      )}
      <Input
        label={beneficiaire ? "Ma demande, dans mes mots" : "Demande, dans les mots de la personne"}
        textArea
        disabled={lectureSeule}
        {...f.etat("demande")}
        nativeTextAreaProps={{
          id: "champ-demande",
          rows: 4,
          value: v.demande,
          onChange: (e) => setV({ ...v, demande: e.target.value }),
        }}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          {choix("statut", LIBELLES_SITUATION["situation.statut"]!, LIBELLES_STATUT_ACTIVITE)}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {texte("secteur", LIBELLES_SITUATION["situation.secteur"]!)}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {choix("qualification", LIBELLES_SITUATION["situation.qualification"]!, LIBELLES_QUALIFICATION)}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {choix("trancheAge", LIBELLES_SITUATION["situation.trancheAge"]!, LIBELLES_TRANCHE_AGE)}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {texte("commune", LIBELLES_SITUATION["situation.commune"]!)}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {p.handicapMasque ? (
            <p className="fr-mt-4w">Handicap déclaré : information de santé visible du seul référent.</p>
          ) : (
            <Select
              label={LIBELLES_SITUATION["situation.handicap"]}
              hint="Donnée de santé : enregistrée seulement avec l'accord de la personne (« Mes données »)."
              disabled={lectureSeule}
              {...f.etat("situation.handicap")}
              nativeSelectProps={{
                id: "champ-situation.handicap",
                value: v.handicap,
                onChange: (e) => setV({ ...v, handicap: e.target.value }),
              }}
            >
              <option value="">Non renseigné</option>
              <option value="oui">Oui</option>
              <option value="non">Non</option>
            </Select>
          )}
        </div>
      </div>
      {!lectureSeule && (
        <Button type="submit" disabled={f.envoi}>
          Enregistrer
        </Button>
      )}
    </form>
  );
}

const LIBELLES_ETAPE: Record<string, string> = {
  "transition.niveau": "Nouvelle étape",
  "transition.phase": "Nouvelle étape",
  "transition.type": "Action",
  "transition.motif": "Motif",
  "transition.retourPrevu": "Date de retour prévue",
  "transition.commentaire": "Précisions",
};

function Etape({ p, apres }: { p: DossierVue; apres: () => Promise<void> | void }) {
  const [action, setAction] = useState(p.actionsPossibles[0] ?? "");
  const [v, setV] = useState({ etape: "", motif: "", retourPrevu: "", motifCloture: "", commentaire: "" });
  const f = useFormulaire();
  const [ok, setOk] = useState<string | null>(null);
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const [niveau, phase] =
      v.etape === "2c" ? [2, "conseil"] : v.etape === "2m" ? [2, "mise_en_oeuvre"] : [undefined, null];
    const transition =
      action === "passage"
        ? { type: "passage", niveau, phase }
        : action === "pause"
          ? { type: "pause", motif: v.motif, retourPrevu: v.retourPrevu }
          : action === "reprise"
            ? { type: "reprise" }
            : { type: "cloture", motif: v.motifCloture || undefined, commentaire: v.commentaire || null };
    const r = await f.soumettre(() =>
      api("POST", `/api/v1/parcours/${p.id}/transitions`, { version: p.version, transition }),
    );
    if (r) {
      setOk("C'est enregistré : l'étape du parcours est à jour.");
      setV({ etape: "", motif: "", retourPrevu: "", motifCloture: "", commentaire: "" });
      await apres();
    }
  }
  const derniere = p.transitions.at(-1);
  return (
    <div>
      <h2>Étape du parcours</h2>
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      {p.statut === "en_pause" && derniere?.type === "pause" && (
        <Alert
          severity="info"
          small
          className="fr-mb-2w"
          description={`En pause depuis le ${dateCourte(derniere.le)} : ${derniere.motif}. Retour prévu le ${derniere.retourPrevu}.`}
        />
      )}
      <Table
        caption="Temps passé à chaque étape (en jours, hors pause)"
        headers={["Niveau 1", "Conseil", "Mise en œuvre", "En pause", "Total"]}
        data={[
          [p.durees.niveau1, p.durees.conseil, p.durees.miseEnOeuvre, p.durees.pause, p.durees.total].map(
            String,
          ),
        ]}
      />
      {p.actionsPossibles.length === 0 ? (
        <p>Ce parcours est clos : son étape ne change plus.</p>
      ) : (
        <form onSubmit={envoyer} noValidate>
          <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES_ETAPE} />
          <Select
            label="Action"
            nativeSelectProps={{
              id: "champ-transition.type",
              value: action,
              onChange: (e) => setAction(e.target.value as typeof action),
            }}
          >
            {p.actionsPossibles.map((a) => (
              <option key={a} value={a}>
                {
                  {
                    passage: "Changer d'étape",
                    pause: "Mettre en pause",
                    reprise: "Reprendre",
                    cloture: "Clôturer",
                    ouverture: "",
                  }[a]
                }
              </option>
            ))}
          </Select>
          {action === "passage" && (
            <Select
              label="Nouvelle étape"
              {...(f.erreurDe("transition.niveau") || f.erreurDe("transition.phase")
                ? {
                    state: "error" as const,
                    stateRelatedMessage: f.erreurDe("transition.niveau") ?? f.erreurDe("transition.phase"),
                  }
                : {})}
              nativeSelectProps={{
                id: "champ-transition.niveau",
                value: v.etape,
                onChange: (e) => setV({ ...v, etape: e.target.value }),
              }}
            >
              <option value="">Choisir</option>
              <option value="2c">Niveau 2 — conseil</option>
              <option value="2m">Niveau 2 — mise en œuvre</option>
            </Select>
          )}
          {action === "pause" && (
            <>
              <Input
                label="Motif de la pause"
                {...f.etat("transition.motif")}
                nativeInputProps={{
                  id: "champ-transition.motif",
                  value: v.motif,
                  onChange: (e) => setV({ ...v, motif: e.target.value }),
                }}
              />
              <Input
                label="Date de retour prévue"
                {...f.etat("transition.retourPrevu")}
                nativeInputProps={{
                  id: "champ-transition.retourPrevu",
                  type: "date",
                  value: v.retourPrevu,
                  onChange: (e) => setV({ ...v, retourPrevu: e.target.value }),
                }}
              />
            </>
          )}
          {action === "cloture" && (
            <>
              <Select
                label="Motif de clôture"
                {...f.etat("transition.motif")}
                nativeSelectProps={{
                  id: "champ-transition.motif",
                  value: v.motifCloture,
                  onChange: (e) => setV({ ...v, motifCloture: e.target.value }),
                }}
              >
                <option value="">Choisir</option>
                {Object.entries(LIBELLES_MOTIF_CLOTURE).map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </Select>
              <Input
                label="Précisions"
                hintText="Obligatoires pour un abandon, une réorientation ou un autre motif."
                textArea
                {...f.etat("transition.commentaire")}
                nativeTextAreaProps={{
                  id: "champ-transition.commentaire",
                  rows: 3,
                  value: v.commentaire,
                  onChange: (e) => setV({ ...v, commentaire: e.target.value }),
                }}
              />
            </>
          )}
          <Button type="submit" disabled={f.envoi}>
            Valider
          </Button>
        </form>
      )}
    </div>
  );
}

export function Chronologie({ parcoursId }: { parcoursId: string }) {
  const { etat } = useDonnees<EvenementVue[]>(`/api/v1/parcours/${parcoursId}/journal`);
  return (
    <div>
      <h2>Chronologie</h2>
      <Chargement etat={etat}>
        {(ev) =>
          ev.length === 0 ? (
            <p>Rien pour l'instant.</p>
          ) : (
            <ol className="fr-raw-list">
              {ev.map((e) => (
                <li key={`${e.type}-${e.le}-${e.titre}`} className="fr-mb-2w">
                  <p className="fr-text--sm fr-mb-0">
                    {dateHeure(e.le)}
                    {e.auteur && ` · ${e.auteur.prenom} ${e.auteur.nom}`}
                  </p>
                  <p className="fr-text--bold fr-mb-0">{e.titre}</p>
                  {e.detail && (
                    <p className="fr-mb-0" style={{ whiteSpace: "pre-wrap" }}>
                      {e.detail}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Chargement>
    </div>
  );
}

function Notes({ parcoursId }: { parcoursId: string }) {
  const { etat, recharger } = useDonnees<NoteVue[]>(`/api/v1/parcours/${parcoursId}/notes`);
  const [texte, setTexte] = useState("");
  const [partagee, setPartagee] = useState(false);
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    if (await f.soumettre(() => api("POST", `/api/v1/parcours/${parcoursId}/notes`, { texte, partagee }))) {
      setTexte("");
      setPartagee(false);
      await recharger();
    }
  }
  return (
    <div>
      <h2>Notes</h2>
      <Chargement etat={etat}>
        {(notes) =>
          notes.length === 0 ? (
            <p>Aucune note pour l'instant.</p>
          ) : (
            <ul className="fr-raw-list">
              {notes.map((n) => (
                <li key={n.id} className="fr-mb-2w">
                  <p className="fr-text--sm fr-mb-0">
                    {dateHeure(n.creeLe)}
                    {n.auteur && ` · ${n.auteur.prenom} ${n.auteur.nom}`}{" "}
                    <Badge small noIcon severity={n.partagee ? "info" : undefined}>
                      {n.partagee ? "Partagée avec le bénéficiaire" : "Privée"}
                    </Badge>
                  </p>
                  <p className="fr-mb-0" style={{ whiteSpace: "pre-wrap" }}>
                    {n.texte}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Chargement>
      <form onSubmit={envoyer} noValidate>
        <h3>Nouvelle note</h3>
        <ResumeErreurs
          message={f.message}
          erreurs={f.erreurs}
          cible={f.resume}
          libelles={{ texte: "Note" }}
        />
        <Input
          label="Note"
          textArea
          {...f.etat("texte")}
          nativeTextAreaProps={{
            id: "champ-texte",
            rows: 3,
            value: texte,
            onChange: (e) => setTexte(e.target.value),
          }}
        />
        <Checkbox
          options={[
            {
              label: "Partager cette note avec le bénéficiaire",
              hintText: "Sinon, elle reste privée aux conseillers de l'opérateur.",
              nativeInputProps: { checked: partagee, onChange: (e) => setPartagee(e.target.checked) },
            },
          ]}
        />
        <Button type="submit" disabled={f.envoi}>
          Enregistrer la note
        </Button>
      </form>
    </div>
  );
}

const maintenantLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

const LIBELLES_ENTRETIEN = {
  modalite: "Modalité",
  siteId: "Site",
  le: "Date et heure",
  dureeMinutes: "Durée (minutes)",
  participants: "Participants",
  resume: "Compte rendu",
  debut: "Date et heure",
  lieu: "Lieu ou lien",
};

function useSites(operateurId: string) {
  return useDonnees<{ sites: { id: string; nom: string }[] }>(`/api/v1/operateurs/${operateurId}`);
}

function ChampsModalite({
  v,
  setV,
  f,
  sites,
}: {
  v: { modalite: string; siteId: string };
  setV: (x: Partial<{ modalite: string; siteId: string }>) => void;
  f: ReturnType<typeof useFormulaire>;
  sites: { id: string; nom: string }[];
}) {
  return (
    <>
      <Select
        label="Modalité"
        {...f.etat("modalite")}
        nativeSelectProps={{
          id: "champ-modalite",
          value: v.modalite,
          onChange: (e) => setV({ modalite: e.target.value }),
        }}
      >
        {Object.entries(LIBELLES_MODALITE).map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </Select>
      {v.modalite === "presentiel" && (
        <Select
          label="Site"
          {...f.etat("siteId")}
          nativeSelectProps={{
            id: "champ-siteId",
            value: v.siteId,
            onChange: (e) => setV({ siteId: e.target.value }),
          }}
        >
          <option value="">Choisir le site</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.nom}
            </option>
          ))}
        </Select>
      )}
    </>
  );
}

function Entretiens({ p }: { p: DossierVue }) {
  const { etat, recharger } = useDonnees<EntretienVue[]>(`/api/v1/parcours/${p.id}/entretiens`);
  const sites = useSites(p.operateur.id);
  const listeSites = sites.etat.statut === "pret" ? sites.etat.donnees.sites : [];
  const vide = {
    modalite: "presentiel",
    siteId: "",
    le: maintenantLocal(),
    dureeMinutes: "60",
    participants: "",
    resume: "",
  };
  const [v, setV] = useState(vide);
  const [ok, setOk] = useState(false);
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(false);
    const r = await f.soumettre(() =>
      api("POST", `/api/v1/parcours/${p.id}/entretiens`, {
        modalite: v.modalite,
        siteId: v.siteId || null,
        le: v.le ? new Date(v.le).toISOString() : "",
        dureeMinutes: v.dureeMinutes,
        participants: v.participants || null,
        resume: v.resume,
      }),
    );
    if (r) {
      setV({ ...vide, modalite: v.modalite, siteId: v.siteId });
      setOk(true);
      await recharger();
    }
  }
  return (
    <div>
      <h2>Entretiens</h2>
      <Chargement etat={etat}>
        {(liste) =>
          liste.length === 0 ? (
            <p>Aucun entretien consigné.</p>
          ) : (
            <Table
              caption={`${liste.length} entretien${liste.length > 1 ? "s" : ""}`}
              headers={["Date", "Modalité", "Durée", "Compte rendu"]}
              data={liste.map((e) => [
                dateHeure(e.le),
                LIBELLES_MODALITE[e.modalite],
                `${e.dureeMinutes} min`,
                e.resume,
              ])}
            />
          )
        }
      </Chargement>
      {p.statut !== "clos" && (
        <form onSubmit={envoyer} noValidate>
          <h3>Consigner un entretien</h3>
          <ResumeErreurs
            message={f.message}
            erreurs={f.erreurs}
            cible={f.resume}
            libelles={LIBELLES_ENTRETIEN}
          />
          {ok && <Alert severity="success" small description="Entretien enregistré." className="fr-mb-2w" />}
          <ChampsModalite v={v} setV={(x) => setV({ ...v, ...x })} f={f} sites={listeSites} />
          <Input
            label={LIBELLES_ENTRETIEN.le}
            {...f.etat("le")}
            nativeInputProps={{
              id: "champ-le",
              type: "datetime-local",
              value: v.le,
              onChange: (e) => setV({ ...v, le: e.target.value }),
            }}
          />
          <Input
            label={LIBELLES_ENTRETIEN.dureeMinutes}
            {...f.etat("dureeMinutes")}
            nativeInputProps={{
              id: "champ-dureeMinutes",
              inputMode: "numeric",
              value: v.dureeMinutes,
              onChange: (e) => setV({ ...v, dureeMinutes: e.target.value }),
            }}
          />
          <Input
            label={LIBELLES_ENTRETIEN.participants}
            {...f.etat("participants")}
            nativeInputProps={{
              id: "champ-participants",
              value: v.participants,
              onChange: (e) => setV({ ...v, participants: e.target.value }),
            }}
          />
          <Input
            label={LIBELLES_ENTRETIEN.resume}
            textArea
            {...f.etat("resume")}
            nativeTextAreaProps={{
              id: "champ-resume",
              rows: 5,
              value: v.resume,
              onChange: (e) => setV({ ...v, resume: e.target.value }),
            }}
          />
          <Button type="submit" disabled={f.envoi}>
            Enregistrer l'entretien
          </Button>
        </form>
      )}
    </div>
  );
}

function RendezVousConseiller({ p }: { p: DossierVue }) {
  const { etat, recharger } = useDonnees<RendezVousVue[]>(`/api/v1/parcours/${p.id}/rendez-vous`);
  const sites = useSites(p.operateur.id);
  const listeSites = sites.etat.statut === "pret" ? sites.etat.donnees.sites : [];
  const vide = { modalite: "visio", siteId: "", debut: "", dureeMinutes: "60", lieu: "" };
  const [v, setV] = useState(vide);
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const r = await f.soumettre(() =>
      api<RendezVousVue>("POST", `/api/v1/parcours/${p.id}/rendez-vous`, {
        modalite: v.modalite,
        siteId: v.siteId || null,
        debut: v.debut ? new Date(v.debut).toISOString() : "",
        dureeMinutes: v.dureeMinutes,
        lieu: v.lieu || null,
      }),
    );
    if (r) {
      setOk(
        `Rendez-vous proposé${r.horsHeuresOuvrees ? " (hors heures ouvrées)" : ""} : l'invitation est partie par courriel avec le fichier agenda (.ics).`,
      );
      setV(vide);
      await recharger();
    }
  }
  return (
    <div>
      <h2>Rendez-vous</h2>
      <Chargement etat={etat}>
        {(liste) =>
          liste.length === 0 ? (
            <p>Aucun rendez-vous.</p>
          ) : (
            <Table
              caption="Rendez-vous du parcours"
              headers={["Date", "Modalité", "Lieu", "État"]}
              data={liste.map((r) => [
                `${dateHeure(r.debut)}${r.horsHeuresOuvrees ? " (hors heures ouvrées)" : ""}`,
                LIBELLES_MODALITE[r.modalite],
                r.lieuAffiche,
                LIBELLES_STATUT_RENDEZ_VOUS[r.statut],
              ])}
            />
          )
        }
      </Chargement>
      {p.statut !== "clos" && (
        <form onSubmit={envoyer} noValidate>
          <h3>Proposer un rendez-vous</h3>
          <p className="fr-text--sm">
            Vous pouvez proposer un horaire en soirée ou le samedi pour les personnes en emploi.
          </p>
          <ResumeErreurs
            message={f.message}
            erreurs={f.erreurs}
            cible={f.resume}
            libelles={LIBELLES_ENTRETIEN}
          />
          {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
          <ChampsModalite v={v} setV={(x) => setV({ ...v, ...x })} f={f} sites={listeSites} />
          <Input
            label={LIBELLES_ENTRETIEN.debut}
            {...f.etat("debut")}
            nativeInputProps={{
              id: "champ-debut",
              type: "datetime-local",
              value: v.debut,
              onChange: (e) => setV({ ...v, debut: e.target.value }),
            }}
          />
          <Input
            label={LIBELLES_ENTRETIEN.dureeMinutes}
            {...f.etat("dureeMinutes")}
            nativeInputProps={{
              id: "champ-dureeMinutes",
              inputMode: "numeric",
              value: v.dureeMinutes,
              onChange: (e) => setV({ ...v, dureeMinutes: e.target.value }),
            }}
          />
          {v.modalite !== "presentiel" && (
            <Input
              label={LIBELLES_ENTRETIEN.lieu}
              hintText="Lien de visioconférence, numéro à appeler…"
              {...f.etat("lieu")}
              nativeInputProps={{
                id: "champ-lieu",
                value: v.lieu,
                onChange: (e) => setV({ ...v, lieu: e.target.value }),
              }}
            />
          )}
          <Button type="submit" disabled={f.envoi}>
            Proposer le rendez-vous
          </Button>
        </form>
      )}
    </div>
  );
}

const LIBELLES_TRANSFERT = {
  type: "Type de transfert",
  versCompteId: "Conseiller ou conseillère",
  versOperateurId: "Opérateur",
  jusquAu: "Fin du remplacement",
  motif: "Motif",
};

/** Transférer le dossier (remplacement temporaire, changement de référent, réorientation) et son historique. */
/** Co-suivi : partager le dossier avec un collègue sans le transférer (ADR 0003). */
function Partages({
  p,
  conseillers,
  apres,
}: {
  p: DossierVue;
  conseillers: { id: string; prenom: string; nom: string }[];
  apres: () => Promise<void> | void;
}) {
  const [choix, setChoix] = useState("");
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  const possibles = conseillers.filter((c) => !p.partages.some((x) => x.conseiller.id === c.id));
  async function partager(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    if (
      await f.soumettre(() =>
        api("POST", `/api/v1/parcours/${p.id}/partages`, { conseillerId: choix || undefined }),
      )
    ) {
      setOk("Dossier partagé.");
      setChoix("");
      await apres();
    }
  }
  async function retirer(id: string, nom: string) {
    setOk(null);
    const fait = await f.soumettre(async () => {
      await api("DELETE", `/api/v1/parcours/${p.id}/partages/${id}`);
      return true;
    });
    if (fait) {
      setOk(`Partage avec ${nom} retiré.`);
      await apres();
    }
  }
  return (
    <section aria-labelledby="titre-partages" className="fr-mb-4w">
      <h3 id="titre-partages">Co-suivi</h3>
      <p>
        Partager le dossier donne à un collègue le même accès que le ou la référente, sans transfert. La
        personne le voit dans son journal d'accès.
      </p>
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={{ conseillerId: "Collègue" }}
      />
      {p.partages.length === 0 ? (
        <p>Le dossier n'est partagé avec personne.</p>
      ) : (
        <Table
          caption="Collègues avec qui le dossier est partagé"
          headers={["Collègue", "Depuis le", "Action"]}
          data={p.partages.map((x) => [
            `${x.conseiller.prenom} ${x.conseiller.nom}`,
            dateCourte(x.creeLe),
            <Button
              key={x.conseiller.id}
              priority="secondary"
              size="small"
              onClick={() => void retirer(x.conseiller.id, `${x.conseiller.prenom} ${x.conseiller.nom}`)}
            >
              Retirer le partage avec {x.conseiller.prenom} {x.conseiller.nom}
            </Button>,
          ])}
        />
      )}
      {possibles.length > 0 && (
        <form onSubmit={partager} noValidate>
          <Select
            label="Collègue"
            {...f.etat("conseillerId")}
            nativeSelectProps={{
              id: "champ-conseillerId",
              value: choix,
              onChange: (e) => setChoix(e.target.value),
            }}
          >
            <option value="">Choisir un collègue</option>
            {possibles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.prenom} {c.nom}
              </option>
            ))}
          </Select>
          <Button type="submit" priority="secondary" disabled={f.envoi}>
            Partager le dossier
          </Button>
        </form>
      )}
    </section>
  );
}

function Transferts({ p, apres }: { p: DossierVue; apres: () => Promise<void> | void }) {
  const { session } = useSession();
  const naviguer = useNavigate();
  const { etat } = useDonnees<{
    conseillers: { id: string; prenom: string; nom: string }[];
    operateurs: { id: string; nom: string }[];
  }>(`/api/v1/parcours/${p.id}/destinations`);
  const [v, setV] = useState({
    type: "temporaire",
    versCompteId: "",
    versOperateurId: "",
    jusquAu: "",
    motif: "",
  });
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const r = await f.soumettre(() =>
      api("POST", `/api/v1/parcours/${p.id}/transferts`, {
        version: p.version,
        type: v.type,
        ...(v.type === "reorientation"
          ? { versOperateurId: v.versOperateurId || undefined }
          : { versCompteId: v.versCompteId || undefined }),
        ...(v.type === "temporaire" ? { jusquAu: v.jusquAu || undefined } : {}),
        motif: v.motif,
      }),
    );
    if (r) {
      // Un conseiller qui cède définitivement le dossier n'y a plus accès : retour au portefeuille.
      if (v.type === "definitif" && session.statut === "connecte" && session.compte.role === "conseiller")
        return naviguer("/conseiller");
      setOk("Transfert enregistré.");
      await apres();
    }
  }
  return (
    <div>
      <h2>Référent et transferts</h2>
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      {p.transferts.length === 0 ? (
        <p>Aucun transfert pour l'instant.</p>
      ) : (
        <Table
          caption="Historique des transferts"
          headers={["Date", "Type", "Motif", "État"]}
          data={p.transferts.map((t) => [
            dateCourte(t.creeLe),
            {
              temporaire: "Remplacement temporaire",
              definitif: "Changement de référent",
              reorientation: "Réorientation",
            }[t.type] ?? t.type,
            t.motif,
            {
              effectue: "Effectué",
              en_attente: "En attente de l'opérateur d'accueil",
              accepte: "Acceptée",
              refuse: "Refusée",
            }[t.statut] ?? t.statut,
          ])}
        />
      )}
      {p.statut !== "clos" && (
        <Chargement etat={etat}>
          {(d) => <Partages p={p} conseillers={d.conseillers} apres={apres} />}
        </Chargement>
      )}
      {p.statut !== "clos" && (
        <Chargement etat={etat}>
          {(d) => (
            <form onSubmit={envoyer} noValidate>
              <h3>Transférer le dossier</h3>
              <ResumeErreurs
                message={f.message}
                erreurs={f.erreurs}
                cible={f.resume}
                libelles={LIBELLES_TRANSFERT}
              />
              <Select
                label={LIBELLES_TRANSFERT.type}
                nativeSelectProps={{
                  id: "champ-type",
                  value: v.type,
                  onChange: (e) => setV({ ...v, type: e.target.value }),
                }}
              >
                <option value="temporaire">Remplacement temporaire (absence)</option>
                <option value="definitif">Changement de référent</option>
                <option value="reorientation">Réorientation vers un autre opérateur</option>
              </Select>
              {v.type === "reorientation" ? (
                <Select
                  label={LIBELLES_TRANSFERT.versOperateurId}
                  {...f.etat("versOperateurId")}
                  nativeSelectProps={{
                    id: "champ-versOperateurId",
                    value: v.versOperateurId,
                    onChange: (e) => setV({ ...v, versOperateurId: e.target.value }),
                  }}
                >
                  <option value="">Choisir</option>
                  {d.operateurs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.nom}
                    </option>
                  ))}
                </Select>
              ) : (
                <Select
                  label={LIBELLES_TRANSFERT.versCompteId}
                  {...f.etat("versCompteId")}
                  nativeSelectProps={{
                    id: "champ-versCompteId",
                    value: v.versCompteId,
                    onChange: (e) => setV({ ...v, versCompteId: e.target.value }),
                  }}
                >
                  <option value="">Choisir</option>
                  {d.conseillers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.prenom} {c.nom}
                    </option>
                  ))}
                </Select>
              )}
              {v.type === "temporaire" && (
                <Input
                  label={LIBELLES_TRANSFERT.jusquAu}
                  {...f.etat("jusquAu")}
                  nativeInputProps={{
                    id: "champ-jusquAu",
                    type: "date",
                    value: v.jusquAu,
                    onChange: (e) => setV({ ...v, jusquAu: e.target.value }),
                  }}
                />
              )}
              <Input
                label={LIBELLES_TRANSFERT.motif}
                {...f.etat("motif")}
                nativeInputProps={{
                  id: "champ-motif",
                  value: v.motif,
                  onChange: (e) => setV({ ...v, motif: e.target.value }),
                }}
              />
              <Button type="submit" priority="secondary" disabled={f.envoi}>
                Transférer
              </Button>
            </form>
          )}
        </Chargement>
      )}
    </div>
  );
}

/** Qui a consulté ou modifié le dossier, et quand : ce que le bénéficiaire voit aussi dans « Mes données ». */
function JournalAccesDossier({ parcoursId }: { parcoursId: string }) {
  const { etat } = useDonnees<{ le: string; qui: string; action: string; resultat: string }[]>(
    `/api/v1/parcours/${parcoursId}/acces`,
  );
  return (
    <div>
      <h2>Journal d'accès</h2>
      <p>Le bénéficiaire voit ce même journal dans son espace.</p>
      <Chargement etat={etat}>
        {(acces) =>
          acces.length === 0 ? (
            <p>Aucun accès enregistré.</p>
          ) : (
            <Table
              caption={`${acces.length} accès, du plus récent au plus ancien`}
              headers={["Date et heure", "Personne", "Action"]}
              data={acces.map((a) => [
                dateHeure(a.le),
                a.qui,
                a.resultat === "refus" ? `${a.action} — accès refusé` : a.action,
              ])}
            />
          )
        }
      </Chargement>
    </div>
  );
}
