import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import {
  CATALOGUE,
  DISPOSITIFS,
  type IdDispositif,
  LIBELLES_STATUT,
  LIBELLES_TYPE_CONTRAT,
  STATUTS,
  TYPES_CONTRAT,
} from "../../domain/financement/catalogue";
import { dateEnToutesLettres } from "../../domain/financement/dates";
import {
  type ActionPlan,
  CANAUX_CONTACT,
  type ContenuPlan,
  comparer,
  type Difference,
  estPayante,
  LIBELLES_CANAL_CONTACT,
  LIBELLES_RESPONSABLE,
  LIBELLES_STATUT_ACTION,
  LIBELLES_STATUT_LIGNE,
  LIBELLES_TYPE_ACTION_PLAN,
  type LigneFinancement,
  RESPONSABLES,
  type Responsable,
  STATUTS_ACTION,
  STATUTS_LIGNE,
  type StatutAction,
  type StatutLigne,
  type StatutVersionPlan,
  TYPES_ACTION_PLAN,
  type TypeActionPlan,
  trouverAction,
  typeSimulation,
} from "../../domain/plan/plan";
import { api, ErreurApi } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateCourte } from "../commun/libelles";
import {
  BilanFinancementVue,
  CalendrierPlanVue,
  etatVersion,
  euros,
  PlanLecture,
  type VuePlan,
} from "../commun/plan";

/**
 * Onglets « Plan d'actions », « Financement » et « Calendrier » du dossier (docs/plan.md). Le plan se construit et se
 * révise d'un seul formulaire ; une fois convenu, toute modification de son contenu demande un motif et crée une
 * nouvelle version. En cas d'écriture concurrente (409), la saisie est gardée et ce qui a changé est affiché.
 */

const urlPlan = (parcoursId: string) => `/api/v1/parcours/${parcoursId}/plan`;

// ——— Brouillon du formulaire (textes saisis) ———

interface ActionBrouillon {
  id?: string;
  type: TypeActionPlan;
  intitule: string;
  responsable: Responsable;
  tiers: string;
  statut: StatutAction;
  echeance: string;
  prestataire: string;
  cout: string;
  dateDebut: string;
  dateFin: string;
  dureeHeures: string;
  dureeMois: string;
  certifiante: boolean;
  eligibleCPF: boolean;
  surTempsDeTravail: boolean;
  tempsPartiel: boolean;
  lignes: LigneFinancement[];
}
interface EtapeBrouillon {
  id?: string;
  cle: string;
  titre: string;
  objectif: string;
  echeance: string;
  actions: (ActionBrouillon & { cle: string })[];
}
interface Brouillon {
  projetVise: string;
  etapes: EtapeBrouillon[];
}

let compteur = 0;
const cle = () => `n${++compteur}`;
const chaine = (n: number | null) => (n === null ? "" : String(n));

const actionVide = (): ActionBrouillon & { cle: string } => ({
  cle: cle(),
  type: "formation",
  intitule: "",
  responsable: "beneficiaire",
  tiers: "",
  statut: "a_faire",
  echeance: "",
  prestataire: "",
  cout: "",
  dateDebut: "",
  dateFin: "",
  dureeHeures: "",
  dureeMois: "",
  certifiante: false,
  eligibleCPF: false,
  surTempsDeTravail: false,
  tempsPartiel: false,
  lignes: [],
});
const etapeVide = (): EtapeBrouillon => ({ cle: cle(), titre: "", objectif: "", echeance: "", actions: [] });

function versBrouillon(c: ContenuPlan | null): Brouillon {
  if (!c) return { projetVise: "", etapes: [etapeVide()] };
  return {
    projetVise: c.projetVise ?? "",
    etapes: c.etapes.map((e) => ({
      id: e.id,
      cle: e.id,
      titre: e.titre,
      objectif: e.objectif,
      echeance: e.echeance ?? "",
      actions: e.actions.map((a) => ({
        ...a,
        cle: a.id,
        tiers: a.tiers ?? "",
        prestataire: a.prestataire ?? "",
        cout: chaine(a.cout),
        dateDebut: a.dateDebut ?? "",
        dateFin: a.dateFin ?? "",
        dureeHeures: chaine(a.dureeHeures),
        dureeMois: chaine(a.dureeMois),
      })),
    })),
  };
}

/** Un nombre saisi : vide → null ; illisible → le texte tel quel, que le serveur refusera en nommant le champ. */
const nombre = (s: string): number | string | null => {
  const t = s.trim().replace(",", ".");
  if (t === "") return null;
  return Number.isNaN(Number(t)) ? s : Number(t);
};

function versContenu(b: Brouillon, situation: ContenuPlan["situation"] | undefined) {
  return {
    projetVise: b.projetVise || null,
    ...(situation ? { situation } : {}),
    etapes: b.etapes.map((e) => ({
      ...(e.id ? { id: e.id } : {}),
      titre: e.titre,
      objectif: e.objectif,
      echeance: e.echeance || null,
      actions: e.actions.map(({ cle: _, ...a }) => ({
        ...a,
        tiers: a.responsable === "tiers" ? a.tiers || null : null,
        prestataire: a.prestataire || null,
        cout: nombre(a.cout),
        dateDebut: a.dateDebut || null,
        dateFin: a.dateFin || null,
        dureeHeures: nombre(a.dureeHeures),
        dureeMois: nombre(a.dureeMois),
      })),
    })),
  };
}

/**
 * Après un conflit : le suivi fait entre-temps (statuts, lignes de financement et échanges) est repris du serveur, sauf
 * le statut d'une action que l'on a soi-même changé ; le reste de la saisie est gardé.
 */
function rebaser(b: Brouillon, lu: ContenuPlan | null, serveur: ContenuPlan | null): Brouillon {
  if (!serveur) return b;
  return {
    ...b,
    etapes: b.etapes.map((e) => ({
      ...e,
      actions: e.actions.map((a) => {
        const s = a.id ? trouverAction(serveur, a.id) : undefined;
        if (!s) return a;
        const avant = a.id && lu ? trouverAction(lu, a.id) : undefined;
        return { ...a, lignes: s.lignes, statut: avant && avant.statut !== a.statut ? a.statut : s.statut };
      }),
    })),
  };
}

/** Le nom lisible d'un champ d'erreur (`contenu.etapes.0.actions.1.cout` → « Étape 1, action 2 : coût »). */
const NOMS_CHAMPS: Record<string, string> = {
  titre: "titre",
  objectif: "objectif",
  echeance: "échéance",
  type: "type",
  intitule: "intitulé",
  responsable: "responsable",
  tiers: "tiers",
  prestataire: "prestataire",
  cout: "coût",
  dateDebut: "date de début",
  dateFin: "date de fin",
  dureeHeures: "durée en heures",
  dureeMois: "durée en mois",
  lignes: "financements",
  dispositif: "dispositif",
  montant: "montant",
  motif: "motif de la révision",
  projetVise: "projet visé",
};
function libelleChamp(champ: string) {
  const m = /^contenu\.etapes\.(\d+)(?:\.actions\.(\d+))?(?:\.lignes\.(\d+))?\.?(\w+)?$/.exec(champ);
  if (!m) return NOMS_CHAMPS[champ.split(".").pop() ?? ""] ?? champ;
  const [, e, a, l, nom] = m;
  return [
    `Étape ${Number(e) + 1}`,
    a !== undefined ? `action ${Number(a) + 1}` : null,
    l !== undefined ? `financement ${Number(l) + 1}` : null,
  ]
    .filter(Boolean)
    .join(", ")
    .concat(nom ? ` : ${NOMS_CHAMPS[nom] ?? nom}` : "");
}
const libellesErreurs = (erreurs: { champ: string }[]) =>
  Object.fromEntries(erreurs.map((e) => [e.champ, libelleChamp(e.champ)]));

/** Ce qui a changé sur le serveur depuis la version lue (409), lisible. */
const lisible = (d: Difference) =>
  `${d.element}${d.champ ? ` — ${d.champ}` : ""} : ${
    d.nature === "ajout" ? "ajouté" : d.nature === "retrait" ? "retiré" : `« ${d.avant} » → « ${d.apres} »`
  }`;

interface PlanLu {
  version: number;
  contenu: ContenuPlan | null;
  statut?: StatutVersionPlan;
}

/**
 * Envoie une écriture du plan à partir de la version lue (`lu`). En cas de conflit (409), relit le plan, affiche ce qui
 * a changé depuis la version lue et fait de la version courante la nouvelle base : la saisie est gardée et l'écriture
 * suivante part du plan à jour (sans écraser le suivi fait entre-temps).
 */
function useEcriturePlan(parcoursId: string, initial: PlanLu) {
  const f = useFormulaire();
  const [lu, setLu] = useState<PlanLu>(initial);
  const [changements, setChangements] = useState<string[] | null>(null);
  async function ecrire<T>(
    ecriture: (lu: PlanLu) => Promise<T>,
    surConflit?: (courant: PlanLu, avant: PlanLu) => void,
  ) {
    setChangements(null);
    return f.soumettre(async () => {
      try {
        return await ecriture(lu);
      } catch (err) {
        if (err instanceof ErreurApi && err.statut === 409) {
          const v = await api<VuePlan>("GET", urlPlan(parcoursId));
          const courant: PlanLu = {
            version: v.plan?.version ?? 0,
            contenu: v.plan?.contenu ?? null,
            ...(v.plan ? { statut: v.plan.statut } : {}),
          };
          setChangements(
            courant.contenu && lu.contenu
              ? comparer(lu.contenu, courant.contenu).map(lisible)
              : ["Le plan a été créé ou remplacé entre-temps."],
          );
          surConflit?.(courant, lu);
          setLu(courant);
        }
        throw err;
      }
    });
  }
  const alerteConflit = changements && (
    <Alert
      className="fr-mb-2w"
      severity="warning"
      title="Le plan a été modifié par quelqu'un d'autre pendant votre saisie"
      description={
        <>
          <p>Votre saisie est conservée ; vérifiez-la puis enregistrez à nouveau. Ce qui a changé :</p>
          <ul>
            {(changements.length
              ? changements
              : ["Le statut d'une action ou d'une demande de financement."]
            ).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      }
    />
  );
  return { f, ecrire, alerteConflit, lu };
}

function ChampMotif({
  f,
  valeur,
  changer,
  id = "champ-motif",
}: {
  f: ReturnType<typeof useFormulaire>;
  valeur: string;
  changer: (v: string) => void;
  /** Identifiant unique dans la page (plusieurs formulaires du plan peuvent demander un motif en même temps). */
  id?: string;
}) {
  return (
    <Input
      label="Motif de la révision"
      hintText="Le plan a été convenu : toute modification de son contenu crée une nouvelle version, avec son motif."
      textArea
      {...f.etat("motif")}
      nativeTextAreaProps={{
        id,
        rows: 2,
        value: valeur,
        onChange: (e) => changer(e.target.value),
      }}
    />
  );
}

// ——— Onglet « Plan d'actions » ———

export function PlanActionsConseiller({ parcoursId, clos }: { parcoursId: string; clos: boolean }) {
  const { etat, recharger } = useDonnees<VuePlan>(urlPlan(parcoursId));
  // Le message de réussite survit au rechargement (l'éditeur repart de la version enregistrée).
  const [ok, setOk] = useState<string | null>(null);
  return (
    <>
      <h2>Plan d'actions</h2>
      {ok && <Alert className="fr-mb-2w" severity="success" small description={ok} />}
      <Chargement etat={etat}>
        {(d) => (
          <>
            {d.plan ? (
              <EtatPlan
                parcoursId={parcoursId}
                d={d}
                clos={clos}
                apres={async () => {
                  setOk(
                    "Accord consigné : le plan est convenu avec la personne, daté et signé de votre nom.",
                  );
                  await recharger();
                }}
              />
            ) : (
              <p>
                Aucun plan pour l'instant. Construisez-le avec la personne : des étapes avec leur objectif
                intermédiaire, les actions de chaque étape, qui les mène et pour quand.
              </p>
            )}
            {clos ? (
              d.plan && <PlanLecture contenu={d.plan.contenu} />
            ) : (
              <EditeurPlan
                key={d.plan?.version ?? 0}
                parcoursId={parcoursId}
                d={d}
                apres={async (message) => {
                  setOk(message);
                  await recharger();
                }}
              />
            )}
            {d.versions.length > 0 && <Versions key={d.versions.length} parcoursId={parcoursId} d={d} />}
          </>
        )}
      </Chargement>
    </>
  );
}

function EtatPlan({
  parcoursId,
  d,
  clos,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  clos: boolean;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const { f, ecrire, alerteConflit } = useEcriturePlan(parcoursId, plan);
  async function convenir() {
    const r = await ecrire((lu) => api("POST", `${urlPlan(parcoursId)}/accord`, { version: lu.version }));
    if (r) await apres();
  }
  return (
    <div className="fr-mb-3w">
      <p className="fr-mb-1w">
        <Badge severity={plan.statut === "convenu" ? "success" : "info"} noIcon>
          {etatVersion(plan)}
        </Badge>
      </p>
      {plan.motif && <p className="fr-text--sm">Motif de cette version : {plan.motif}</p>}
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      {alerteConflit}
      {plan.statut === "brouillon" && !clos && (
        <Button priority="secondary" iconId="fr-icon-check-line" onClick={convenir} disabled={f.envoi}>
          Consigner l'accord de la personne sur ce plan
        </Button>
      )}
    </div>
  );
}

function EditeurPlan({
  parcoursId,
  d,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  apres: (message: string) => Promise<void>;
}) {
  const [b, setB] = useState<Brouillon>(() => versBrouillon(d.plan?.contenu ?? null));
  const [motif, setMotif] = useState("");
  const { f, ecrire, alerteConflit, lu } = useEcriturePlan(
    parcoursId,
    d.plan ?? { version: 0, contenu: null },
  );
  const convenu = lu.statut === "convenu";

  const majEtape = (i: number, champs: Partial<EtapeBrouillon>) =>
    setB((p) => ({ ...p, etapes: p.etapes.map((e, k) => (k === i ? { ...e, ...champs } : e)) }));
  const majAction = (i: number, j: number, champs: Partial<ActionBrouillon>) =>
    setB((p) => ({
      ...p,
      etapes: p.etapes.map((e, k) =>
        k === i ? { ...e, actions: e.actions.map((a, l) => (l === j ? { ...a, ...champs } : a)) } : e,
      ),
    }));

  async function enregistrer(e: React.FormEvent) {
    e.preventDefault();
    const r = await ecrire(
      (base) =>
        api<VuePlan & { revision: boolean }>("PUT", urlPlan(parcoursId), {
          version: base.version,
          ...(base.statut === "convenu" ? { motif: motif || null } : {}),
          contenu: versContenu(b, base.contenu?.situation),
        }),
      (courant, avant) => setB((p) => rebaser(p, avant.contenu, courant.contenu)),
    );
    if (r)
      await apres(
        r.revision
          ? `Nouvelle version ${r.plan?.numero} du plan enregistrée, en préparation : faites-la convenir avec la personne.`
          : "Plan enregistré : la personne le voit dans son espace.",
      );
  }

  const champ = (nom: string) => ({ ...f.etat(nom), id: `champ-${nom}` });
  return (
    <form onSubmit={enregistrer} noValidate className="fr-mb-4w">
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={libellesErreurs(f.erreurs)}
      />
      {alerteConflit}
      <Input
        label="Projet visé (facultatif)"
        hintText="En quelques mots, le métier ou la situation visés."
        {...f.etat("contenu.projetVise")}
        nativeInputProps={{
          id: "champ-contenu.projetVise",
          value: b.projetVise,
          onChange: (e) => setB({ ...b, projetVise: e.target.value }),
        }}
      />
      {b.etapes.map((etape, i) => {
        const pe = `contenu.etapes.${i}`;
        return (
          <fieldset
            key={etape.cle}
            className="fr-fieldset fr-mb-3w fr-p-2w"
            style={{ border: "1px solid var(--border-default-grey)" }}
          >
            <legend className="fr-fieldset__legend fr-h6">Étape {i + 1}</legend>
            <div className="fr-fieldset__element">
              <Input
                label={`Titre de l'étape ${i + 1}`}
                {...f.etat(`${pe}.titre`)}
                nativeInputProps={{
                  ...champ(`${pe}.titre`),
                  value: etape.titre,
                  onChange: (e) => majEtape(i, { titre: e.target.value }),
                }}
              />
              <Input
                label={`Objectif intermédiaire de l'étape ${i + 1}`}
                {...f.etat(`${pe}.objectif`)}
                nativeInputProps={{
                  ...champ(`${pe}.objectif`),
                  value: etape.objectif,
                  onChange: (e) => majEtape(i, { objectif: e.target.value }),
                }}
              />
              <Input
                label={`Échéance de l'étape ${i + 1} (facultative)`}
                {...f.etat(`${pe}.echeance`)}
                nativeInputProps={{
                  ...champ(`${pe}.echeance`),
                  type: "date",
                  value: etape.echeance,
                  onChange: (e) => majEtape(i, { echeance: e.target.value }),
                }}
              />
            </div>
            {etape.actions.map((a, j) => (
              <EditeurAction
                key={a.cle}
                a={a}
                prefixe={`${pe}.actions.${j}`}
                titre={`Action ${j + 1} de l'étape ${i + 1}`}
                f={f}
                changer={(c) => majAction(i, j, c)}
                retirer={() => majEtape(i, { actions: etape.actions.filter((_, l) => l !== j) })}
              />
            ))}
            <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-add-line"
                onClick={() => majEtape(i, { actions: [...etape.actions, actionVide()] })}
              >
                Ajouter une action à l'étape {i + 1}
              </Button>
              <Button
                type="button"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                onClick={() => setB({ ...b, etapes: b.etapes.filter((_, k) => k !== i) })}
              >
                Retirer l'étape {i + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className="fr-mb-3w fr-mr-2w"
        onClick={() => setB({ ...b, etapes: [...b.etapes, etapeVide()] })}
      >
        Ajouter une étape
      </Button>
      {convenu && <ChampMotif f={f} valeur={motif} changer={setMotif} />}
      <Button type="submit" disabled={f.envoi}>
        {convenu ? "Enregistrer une nouvelle version du plan" : "Enregistrer le plan"}
      </Button>
    </form>
  );
}

function EditeurAction({
  a,
  prefixe,
  titre,
  f,
  changer,
  retirer,
}: {
  a: ActionBrouillon;
  prefixe: string;
  titre: string;
  f: ReturnType<typeof useFormulaire>;
  changer: (c: Partial<ActionBrouillon>) => void;
  retirer: () => void;
}) {
  const id = (nom: string) => ({ id: `champ-${prefixe}.${nom}` });
  const etat = (nom: string) => f.etat(`${prefixe}.${nom}`);
  const texte = (
    nom: "intitule" | "tiers" | "prestataire" | "cout" | "dureeHeures" | "dureeMois",
    label: string,
    extra: object = {},
  ) => (
    <Input
      label={label}
      {...etat(nom)}
      nativeInputProps={{
        ...id(nom),
        ...extra,
        value: a[nom],
        onChange: (e) => changer({ [nom]: e.target.value }),
      }}
    />
  );
  const date = (nom: "echeance" | "dateDebut" | "dateFin", label: string) => (
    <Input
      label={label}
      {...etat(nom)}
      nativeInputProps={{
        ...id(nom),
        type: "date",
        value: a[nom],
        onChange: (e) => changer({ [nom]: e.target.value }),
      }}
    />
  );
  const choix = <K extends "type" | "responsable" | "statut">(
    nom: K,
    label: string,
    options: Record<string, string>,
  ) => (
    <Select
      label={label}
      {...etat(nom)}
      nativeSelectProps={{
        ...id(nom),
        value: a[nom],
        onChange: (e) => changer({ [nom]: e.target.value } as Partial<ActionBrouillon>),
      }}
    >
      {Object.entries(options).map(([k, l]) => (
        <option key={k} value={k}>
          {l}
        </option>
      ))}
    </Select>
  );
  const payante = a.cout.trim() !== "" && a.cout.trim() !== "0";
  return (
    <fieldset className="fr-fieldset fr-mb-2w fr-p-2w" style={{ background: "var(--background-alt-grey)" }}>
      <legend className="fr-fieldset__legend fr-text--bold">{titre}</legend>
      <div className="fr-fieldset__element">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            {choix(
              "type",
              "Type d'action",
              Object.fromEntries(TYPES_ACTION_PLAN.map((t) => [t, LIBELLES_TYPE_ACTION_PLAN[t]])),
            )}
          </div>
          <div className="fr-col-12 fr-col-md-6">{texte("intitule", "Intitulé")}</div>
          <div className="fr-col-12 fr-col-md-4">
            {choix(
              "responsable",
              "Qui mène l'action",
              Object.fromEntries(RESPONSABLES.map((r) => [r, LIBELLES_RESPONSABLE[r]])),
            )}
          </div>
          {a.responsable === "tiers" && (
            <div className="fr-col-12 fr-col-md-4">{texte("tiers", "Nom du tiers")}</div>
          )}
          <div className="fr-col-12 fr-col-md-4">
            {choix(
              "statut",
              "Statut",
              Object.fromEntries(STATUTS_ACTION.map((s) => [s, LIBELLES_STATUT_ACTION[s]])),
            )}
          </div>
          <div className="fr-col-12 fr-col-md-4">{date("echeance", "Échéance")}</div>
          <div className="fr-col-12 fr-col-md-4">{texte("prestataire", "Prestataire (facultatif)")}</div>
          <div className="fr-col-12 fr-col-md-4">
            {texte("cout", "Coût en euros (action payante)", { inputMode: "decimal" })}
          </div>
          {payante && (
            <>
              <div className="fr-col-12 fr-col-md-4">{date("dateDebut", "Date de début")}</div>
              <div className="fr-col-12 fr-col-md-4">{date("dateFin", "Date de fin (facultative)")}</div>
              <div className="fr-col-12 fr-col-md-2">
                {texte("dureeMois", "Durée en mois", { inputMode: "decimal" })}
              </div>
              <div className="fr-col-12 fr-col-md-2">
                {texte("dureeHeures", "Durée en heures", { inputMode: "decimal" })}
              </div>
              <div className="fr-col-12">
                <Checkbox
                  legend="Caractéristiques utiles au financement et au calendrier"
                  orientation="horizontal"
                  options={(
                    [
                      ["certifiante", "Certifiante"],
                      ["eligibleCPF", "Éligible au CPF"],
                      ["surTempsDeTravail", "Sur le temps de travail"],
                      ["tempsPartiel", "À temps partiel"],
                    ] as const
                  ).map(([nom, label]) => ({
                    label,
                    nativeInputProps: {
                      checked: a[nom],
                      onChange: (e) => changer({ [nom]: e.target.checked }),
                    },
                  }))}
                />
              </div>
            </>
          )}
        </div>
        {a.lignes.length > 0 && (
          <p className="fr-text--sm">
            Financement (à gérer dans l'onglet « Financement ») :{" "}
            {a.lignes.map((l) => `${CATALOGUE[l.dispositif].libelle} ${euros(l.montant)}`).join(" ; ")}
          </p>
        )}
        <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={retirer}>
          Retirer : {titre.toLowerCase()}
        </Button>
      </div>
    </fieldset>
  );
}

// ——— Versions et comparaison ———

interface Comparaison {
  de: VuePlan["versions"][number] & { contenu: ContenuPlan };
  a: VuePlan["versions"][number] & { contenu: ContenuPlan };
  differences: Difference[];
}

function Versions({ parcoursId, d }: { parcoursId: string; d: VuePlan }) {
  const n = d.versions.length;
  const [de, setDe] = useState(String(Math.max(1, n - 1)));
  const [a, setA] = useState(String(n));
  const [resultat, setResultat] = useState<Comparaison | null>(null);
  const f = useFormulaire();
  async function comparerVersions(e: React.FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() =>
      api<Comparaison>("GET", `${urlPlan(parcoursId)}/comparaison?de=${de}&a=${a}`),
    );
    if (r) setResultat(r);
  }
  const choix = (label: string, valeur: string, changer: (v: string) => void, id: string) => (
    <Select label={label} nativeSelectProps={{ id, value: valeur, onChange: (e) => changer(e.target.value) }}>
      {d.versions.map((v) => (
        <option key={v.numero} value={v.numero}>
          Version {v.numero}
        </option>
      ))}
    </Select>
  );
  const enEvidence = new Set((resultat?.differences ?? []).flatMap((x) => (x.id ? [x.id] : [])));
  return (
    <section className="fr-mt-4w">
      <h3>Historique des versions</h3>
      <Table
        caption="Versions du plan"
        headers={["Version", "État", "Motif de la révision", "Créée le", "Par"]}
        data={d.versions.map((v) => [
          `Version ${v.numero}`,
          etatVersion(v).replace(/^Version \d+ — /, ""),
          v.motif ?? "—",
          dateCourte(v.creeLe),
          v.auteur ? `${v.auteur.prenom} ${v.auteur.nom}` : "—",
        ])}
      />
      {n > 1 && (
        <form onSubmit={comparerVersions} noValidate>
          <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-12 fr-col-md-4">
              {choix("Comparer la version", de, setDe, "comparer-de")}
            </div>
            <div className="fr-col-12 fr-col-md-4">{choix("avec la version", a, setA, "comparer-a")}</div>
            <div className="fr-col-12 fr-col-md-4">
              <Button type="submit" className="fr-mb-3w">
                Comparer les versions
              </Button>
            </div>
          </div>
        </form>
      )}
      {resultat && (
        <div aria-live="polite">
          <h4>
            Différences entre la version {resultat.de.numero} et la version {resultat.a.numero}
          </h4>
          {resultat.differences.length === 0 ? (
            <p>Aucune différence.</p>
          ) : (
            <ul>
              {resultat.differences.map((x) => (
                <li key={`${x.id ?? x.objet}-${x.element}-${x.champ ?? x.nature}`}>{lisible(x)}</li>
              ))}
            </ul>
          )}
          <div className="fr-grid-row fr-grid-row--gutters">
            {[resultat.de, resultat.a].map((v) => (
              <section key={v.numero} className="fr-col-12 fr-col-md-6" aria-label={`Version ${v.numero}`}>
                <h4 className="fr-h6">{etatVersion(v)}</h4>
                {v.motif && <p className="fr-text--sm">Motif : {v.motif}</p>}
                <PlanLecture contenu={v.contenu} niveauTitre={4} enEvidence={enEvidence} />
              </section>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

// ——— Onglet « Financement » ———

export function FinancementPlanConseiller({ parcoursId, clos }: { parcoursId: string; clos: boolean }) {
  const { etat, recharger } = useDonnees<VuePlan>(urlPlan(parcoursId));
  return (
    <>
      <h2>Plan de financement</h2>
      <Chargement etat={etat}>
        {(d) =>
          !d.plan || !d.financement ? (
            <p>
              Construisez d'abord le plan d'actions (onglet « Plan d'actions ») : le financement s'y rattache.
            </p>
          ) : (
            <Financement key={d.plan.version} parcoursId={parcoursId} d={d} clos={clos} apres={recharger} />
          )
        }
      </Chargement>
    </>
  );
}

function Financement({
  parcoursId,
  d,
  clos,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  clos: boolean;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const bilan = d.financement!;
  const payantes = plan.contenu.etapes
    .flatMap((e) => e.actions)
    .filter((a) => estPayante(a) && a.statut !== "abandonne");
  return (
    <>
      <p className="fr-text--sm">
        {etatVersion(plan)}. Calcul au {dateEnToutesLettres(bilan.date)} : les lignes refusées ne comptent
        pas, les fonds personnels restent à la charge de la personne.
      </p>
      <BilanFinancementVue bilan={bilan} />
      {!clos && <SituationFinancement parcoursId={parcoursId} d={d} apres={apres} />}
      {payantes.length === 0 && (
        <p>Aucune action payante dans le plan : indiquez un coût dans l'onglet « Plan d'actions ».</p>
      )}
      {payantes.map((a) => (
        <FinancementAction
          key={a.id}
          parcoursId={parcoursId}
          d={d}
          a={a}
          bilan={bilan.actions.find((x) => x.actionId === a.id)!}
          clos={clos}
          apres={apres}
        />
      ))}
    </>
  );
}

function SituationFinancement({
  parcoursId,
  d,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const s = plan.contenu.situation;
  const [v, setV] = useState({
    statut: s.statut ?? "",
    typeContrat: s.typeContrat ?? "",
    ancienneteSalarieMois: chaine(s.ancienneteSalarieMois),
    ancienneteEntrepriseMois: chaine(s.ancienneteEntrepriseMois),
    effectifEntreprise: chaine(s.effectifEntreprise),
    soldeCPF: chaine(s.soldeCPF),
    departement: s.departement ?? "",
  });
  const [motif, setMotif] = useState("");
  const { f, ecrire, alerteConflit, lu } = useEcriturePlan(parcoursId, plan);
  const convenu = lu.statut === "convenu";
  async function enregistrer(e: React.FormEvent) {
    e.preventDefault();
    const r = await ecrire((base) =>
      api("PUT", urlPlan(parcoursId), {
        version: base.version,
        ...(base.statut === "convenu" ? { motif: motif || null } : {}),
        contenu: {
          ...base.contenu,
          situation: {
            ...s,
            statut: v.statut || null,
            typeContrat: v.typeContrat || null,
            ancienneteSalarieMois: nombre(v.ancienneteSalarieMois),
            ancienneteEntrepriseMois: nombre(v.ancienneteEntrepriseMois),
            effectifEntreprise: nombre(v.effectifEntreprise),
            soldeCPF: nombre(v.soldeCPF),
            departement: v.departement || null,
          },
        },
      }),
    );
    if (r) await apres();
  }
  const nomChamp = (nom: string) => `contenu.situation.${nom}`;
  const texte = (nom: keyof typeof v, label: string) => (
    <Input
      label={label}
      {...f.etat(nomChamp(nom))}
      nativeInputProps={{
        id: `champ-${nomChamp(nom)}`,
        inputMode: "numeric",
        value: v[nom],
        onChange: (e) => setV({ ...v, [nom]: e.target.value }),
      }}
    />
  );
  return (
    <form onSubmit={enregistrer} noValidate className="fr-my-4w">
      <h3>Situation de la personne pour le financement</h3>
      <p className="fr-text--sm">
        Elle sert à repérer les dispositifs du catalogue auxquels la personne est éligible (la même estimation
        que le simulateur public) et les jours fériés de son département.
      </p>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={libellesErreurs(f.erreurs)}
      />
      {alerteConflit}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Statut"
            {...f.etat(nomChamp("statut"))}
            nativeSelectProps={{
              id: `champ-${nomChamp("statut")}`,
              value: v.statut,
              onChange: (e) => setV({ ...v, statut: e.target.value }),
            }}
          >
            <option value="">Non renseigné</option>
            {STATUTS.map((x) => (
              <option key={x} value={x}>
                {LIBELLES_STATUT[x]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Contrat de travail"
            {...f.etat(nomChamp("typeContrat"))}
            nativeSelectProps={{
              id: `champ-${nomChamp("typeContrat")}`,
              value: v.typeContrat,
              onChange: (e) => setV({ ...v, typeContrat: e.target.value }),
            }}
          >
            <option value="">Non renseigné</option>
            {TYPES_CONTRAT.map((x) => (
              <option key={x} value={x}>
                {LIBELLES_TYPE_CONTRAT[x]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">{texte("departement", "Département (ex. 69, 2A, 974)")}</div>
        <div className="fr-col-12 fr-col-md-3">
          {texte("ancienneteSalarieMois", "Ancienneté comme salarié (mois)")}
        </div>
        <div className="fr-col-12 fr-col-md-3">
          {texte("ancienneteEntrepriseMois", "Ancienneté dans l'entreprise (mois)")}
        </div>
        <div className="fr-col-12 fr-col-md-3">{texte("effectifEntreprise", "Effectif de l'entreprise")}</div>
        <div className="fr-col-12 fr-col-md-3">{texte("soldeCPF", "Solde CPF (euros)")}</div>
      </div>
      {convenu && <ChampMotif f={f} valeur={motif} changer={setMotif} />}
      <Button type="submit" priority="secondary" disabled={f.envoi}>
        Enregistrer la situation
      </Button>
    </form>
  );
}

function FinancementAction({
  parcoursId,
  d,
  a,
  bilan,
  clos,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  a: ActionPlan;
  bilan: NonNullable<VuePlan["financement"]>["actions"][number];
  clos: boolean;
  apres: () => Promise<void>;
}) {
  return (
    <section className="fr-mt-4w">
      <h3>Financement de « {a.intitule} »</h3>
      <p>
        Coût : {euros(bilan.cout)} · financements prévus : {euros(bilan.couvert)} · dont accordés :{" "}
        {euros(bilan.accorde)} · <strong>reste à charge : {euros(bilan.resteACharge)}</strong>
      </p>
      {bilan.participationMotif && <p className="fr-text--sm">{bilan.participationMotif}</p>}
      {bilan.alertes.length > 0 && (
        <Alert
          className="fr-mb-2w"
          severity={bilan.entierementFinance ? "info" : "warning"}
          small
          description={
            <ul className="fr-mb-0">
              {bilan.alertes.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      )}
      {a.lignes.length === 0 ? (
        <p>Aucun financeur pour l'instant.</p>
      ) : (
        <Table
          caption={`Financeurs de « ${a.intitule} »`}
          headers={["Dispositif", "Financeur", "Montant", "Demande", "Échanges"]}
          data={a.lignes.map((l) => [
            CATALOGUE[l.dispositif].libelle,
            l.financeur,
            euros(l.montant),
            LIBELLES_STATUT_LIGNE[l.statut],
            l.contacts.length === 0 ? (
              "—"
            ) : (
              <ul key={l.id} className="fr-mb-0">
                {l.contacts.map((c) => (
                  <li key={c.id}>
                    {dateEnToutesLettres(c.le)} ({LIBELLES_CANAL_CONTACT[c.canal].toLowerCase()}) :{" "}
                    {c.reponse}
                  </li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
      {!clos && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <AjouterLigne parcoursId={parcoursId} d={d} a={a} apres={apres} />
          </div>
          {a.lignes.length > 0 && (
            <div className="fr-col-12 fr-col-md-6">
              <ConsignerEchange parcoursId={parcoursId} d={d} a={a} apres={apres} />
            </div>
          )}
          {a.lignes.length > 0 && (
            <div className="fr-col-12 fr-col-md-6">
              <ModifierLigne parcoursId={parcoursId} d={d} a={a} apres={apres} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Le contenu du plan où l'action `actionId` reçoit ces lignes de financement (ajout, modification, retrait). */
function avecLignes<L>(contenu: ContenuPlan, actionId: string, lignes: L[]) {
  return {
    ...contenu,
    etapes: contenu.etapes.map((x) => ({
      ...x,
      actions: x.actions.map((y) => (y.id === actionId ? { ...y, lignes } : y)),
    })),
  };
}

function AjouterLigne({
  parcoursId,
  d,
  a,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  a: ActionPlan;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const type = typeSimulation(a.type);
  const possibles = DISPOSITIFS.filter(
    (x) => (!type || CATALOGUE[x].actions.includes(type)) && !a.lignes.some((l) => l.dispositif === x),
  );
  const [dispositif, setDispositif] = useState<IdDispositif | "">("");
  const [montant, setMontant] = useState("");
  const [statut, setStatut] = useState<StatutLigne>("a_etudier");
  const [motif, setMotif] = useState("");
  const { f, ecrire, alerteConflit, lu } = useEcriturePlan(parcoursId, plan);
  const convenu = lu.statut === "convenu";
  const prefixe = `ligne-${a.id}`;
  async function ajouter(e: React.FormEvent) {
    e.preventDefault();
    const r = await ecrire((base) => {
      const contenu = structuredClone(base.contenu ?? plan.contenu);
      const cible = contenu.etapes.flatMap((x) => x.actions).find((x) => x.id === a.id);
      if (!cible)
        throw new ErreurApi(
          404,
          "introuvable",
          "Cette action a été retirée du plan entre-temps : rechargez la page.",
        );
      const lignes = [
        ...cible.lignes,
        { dispositif: dispositif || undefined, montant: nombre(montant) ?? undefined, statut },
      ];
      return api("PUT", urlPlan(parcoursId), {
        version: base.version,
        ...(base.statut === "convenu" ? { motif: motif || null } : {}),
        contenu: avecLignes(contenu, a.id, lignes),
      });
    });
    if (r) await apres();
  }
  // Les erreurs du serveur nomment `contenu.etapes.i.actions.j.lignes.k.champ` : on les rattache à ce formulaire.
  const erreur = (nom: string) => {
    const e = f.erreurs.find((x) => x.champ.endsWith(`.${nom}`) && x.champ.includes(".lignes"));
    return e ? { state: "error" as const, stateRelatedMessage: e.message } : {};
  };
  return (
    <form onSubmit={ajouter} noValidate>
      <h4 className="fr-h6">Ajouter un financeur</h4>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={libellesErreurs(f.erreurs)}
      />
      {alerteConflit}
      <Select
        label="Dispositif"
        {...erreur("dispositif")}
        nativeSelectProps={{
          id: `${prefixe}-dispositif`,
          value: dispositif,
          onChange: (e) => setDispositif(e.target.value as IdDispositif),
        }}
      >
        <option value="">Choisir un dispositif</option>
        {possibles.map((x) => (
          <option key={x} value={x}>
            {CATALOGUE[x].libelle} — {CATALOGUE[x].financeur}
          </option>
        ))}
      </Select>
      <MontantEtStatut
        prefixe={prefixe}
        libelles={["Montant demandé (euros)", "Où en est la demande"]}
        erreurMontant={erreur("montant")}
        montant={montant}
        setMontant={setMontant}
        statut={statut}
        setStatut={setStatut}
      />
      {convenu && <ChampMotif f={f} valeur={motif} changer={setMotif} id={`${prefixe}-motif`} />}
      <Button type="submit" priority="secondary" disabled={f.envoi}>
        Ajouter ce financeur
      </Button>
    </form>
  );
}

/** Corriger le montant ou l'état d'une demande de financement, ou retirer le financeur (motif si le plan est convenu). */
function ModifierLigne({
  parcoursId,
  d,
  a,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  a: ActionPlan;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const [ligneId, setLigneId] = useState(a.lignes[0]?.id ?? "");
  const ligne = a.lignes.find((l) => l.id === ligneId) ?? a.lignes[0];
  const [montant, setMontant] = useState(ligne ? String(ligne.montant) : "");
  const [statut, setStatut] = useState<StatutLigne>(ligne?.statut ?? "a_etudier");
  const [motif, setMotif] = useState("");
  const { f, ecrire, alerteConflit, lu } = useEcriturePlan(parcoursId, plan);
  const convenu = lu.statut === "convenu";
  const prefixe = `modifier-ligne-${a.id}`;
  function choisir(id: string) {
    setLigneId(id);
    const l = a.lignes.find((x) => x.id === id);
    if (l) {
      setMontant(String(l.montant));
      setStatut(l.statut);
    }
  }
  async function ecrireLigne(retirer: boolean) {
    const r = await ecrire((base) => {
      const contenu = structuredClone(base.contenu ?? plan.contenu);
      const cible = contenu.etapes.flatMap((x) => x.actions).find((x) => x.id === a.id);
      if (!cible?.lignes.some((l) => l.id === ligneId))
        throw new ErreurApi(
          404,
          "introuvable",
          "Ce financeur a été retiré du plan entre-temps : rechargez la page.",
        );
      const lignes = retirer
        ? cible.lignes.filter((l) => l.id !== ligneId)
        : cible.lignes.map((l) =>
            l.id === ligneId ? { ...l, montant: nombre(montant) ?? l.montant, statut } : l,
          );
      return api("PUT", urlPlan(parcoursId), {
        version: base.version,
        ...(base.statut === "convenu" ? { motif: motif || null } : {}),
        contenu: avecLignes(contenu, a.id, lignes),
      });
    });
    if (r) await apres();
  }
  if (!ligne) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void ecrireLigne(false);
      }}
      noValidate
    >
      <h4 className="fr-h6">Modifier un financeur</h4>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={libellesErreurs(f.erreurs)}
      />
      {alerteConflit}
      <Select
        label="Financeur à modifier"
        nativeSelectProps={{
          id: `${prefixe}-ligne`,
          value: ligne.id,
          onChange: (e) => choisir(e.target.value),
        }}
      >
        {a.lignes.map((l) => (
          <option key={l.id} value={l.id}>
            {CATALOGUE[l.dispositif].libelle} — {euros(l.montant)}
          </option>
        ))}
      </Select>
      <MontantEtStatut
        prefixe={prefixe}
        libelles={["Nouveau montant (euros)", "Nouvel état de la demande"]}
        montant={montant}
        setMontant={setMontant}
        statut={statut}
        setStatut={setStatut}
      />
      {convenu && <ChampMotif f={f} valeur={motif} changer={setMotif} id={`${prefixe}-motif`} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" priority="secondary" disabled={f.envoi}>
            Enregistrer la modification
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" disabled={f.envoi} onClick={() => void ecrireLigne(true)}>
            Retirer ce financeur
          </Button>
        </li>
      </ul>
    </form>
  );
}

function ConsignerEchange({
  parcoursId,
  d,
  a,
  apres,
}: {
  parcoursId: string;
  d: VuePlan;
  a: ActionPlan;
  apres: () => Promise<void>;
}) {
  const plan = d.plan!;
  const [ligneId, setLigneId] = useState(a.lignes[0]?.id ?? "");
  const [le, setLe] = useState(() =>
    new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date()),
  );
  const [canal, setCanal] = useState<(typeof CANAUX_CONTACT)[number]>("courriel");
  const [reponse, setReponse] = useState("");
  const [statut, setStatut] = useState<StatutLigne | "">("");
  const { f, ecrire, alerteConflit } = useEcriturePlan(parcoursId, plan);
  const prefixe = `echange-${a.id}`;
  async function consigner(e: React.FormEvent) {
    e.preventDefault();
    const r = await ecrire((base) =>
      api("POST", `${urlPlan(parcoursId)}/lignes/${ligneId}/contacts`, {
        version: base.version,
        le,
        canal,
        reponse,
        ...(statut ? { statut } : {}),
      }),
    );
    if (r) await apres();
  }
  return (
    <form onSubmit={consigner} noValidate>
      <h4 className="fr-h6">Consigner un échange avec un financeur</h4>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      {alerteConflit}
      <Select
        label="Financeur"
        nativeSelectProps={{
          id: `${prefixe}-ligne`,
          value: ligneId,
          onChange: (e) => setLigneId(e.target.value),
        }}
      >
        {a.lignes.map((l) => (
          <option key={l.id} value={l.id}>
            {CATALOGUE[l.dispositif].libelle} ({l.financeur})
          </option>
        ))}
      </Select>
      <Input
        label="Date de l'échange"
        {...f.etat("le")}
        nativeInputProps={{
          id: `${prefixe}-le`,
          type: "date",
          value: le,
          onChange: (e) => setLe(e.target.value),
        }}
      />
      <Select
        label="Canal"
        nativeSelectProps={{
          id: `${prefixe}-canal`,
          value: canal,
          onChange: (e) => setCanal(e.target.value as (typeof CANAUX_CONTACT)[number]),
        }}
      >
        {CANAUX_CONTACT.map((x) => (
          <option key={x} value={x}>
            {LIBELLES_CANAL_CONTACT[x]}
          </option>
        ))}
      </Select>
      <Input
        label="Réponse du financeur ou teneur de l'échange"
        textArea
        {...f.etat("reponse")}
        nativeTextAreaProps={{
          id: `${prefixe}-reponse`,
          rows: 2,
          value: reponse,
          onChange: (e) => setReponse(e.target.value),
        }}
      />
      <Select
        label="Nouveau statut de la demande (facultatif)"
        nativeSelectProps={{
          id: `${prefixe}-statut`,
          value: statut,
          onChange: (e) => setStatut(e.target.value as StatutLigne | ""),
        }}
      >
        <option value="">Inchangé</option>
        {STATUTS_LIGNE.map((x) => (
          <option key={x} value={x}>
            {LIBELLES_STATUT_LIGNE[x]}
          </option>
        ))}
      </Select>
      <Button type="submit" priority="secondary" disabled={f.envoi || !ligneId}>
        Consigner l'échange
      </Button>
    </form>
  );
}

// ——— Onglet « Calendrier » ———

export function CalendrierPlanConseiller({ parcoursId }: { parcoursId: string }) {
  const { etat } = useDonnees<VuePlan>(urlPlan(parcoursId));
  return (
    <Chargement etat={etat}>
      {(d) => <CalendrierPlanVue parcoursId={parcoursId} evenements={d.calendrier} titre="h2" />}
    </Chargement>
  );
}

/** Montant et état d'une demande de financement : les deux champs de l'ajout et de la correction d'un financeur. */
function MontantEtStatut(p: {
  prefixe: string;
  libelles: [montant: string, statut: string];
  erreurMontant?: { state?: "error"; stateRelatedMessage?: string };
  montant: string;
  setMontant: (v: string) => void;
  statut: StatutLigne;
  setStatut: (v: StatutLigne) => void;
}) {
  return (
    <>
      <Input
        label={p.libelles[0]}
        {...p.erreurMontant}
        nativeInputProps={{
          id: `${p.prefixe}-montant`,
          inputMode: "decimal",
          value: p.montant,
          onChange: (e) => p.setMontant(e.target.value),
        }}
      />
      <Select
        label={p.libelles[1]}
        nativeSelectProps={{
          id: `${p.prefixe}-statut`,
          value: p.statut,
          onChange: (e) => p.setStatut(e.target.value as StatutLigne),
        }}
      >
        {STATUTS_LIGNE.map((x) => (
          <option key={x} value={x}>
            {LIBELLES_STATUT_LIGNE[x]}
          </option>
        ))}
      </Select>
    </>
  );
}
