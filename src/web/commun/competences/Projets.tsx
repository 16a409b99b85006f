import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import {
  LIBELLES_STRATEGIE,
  LIBELLES_TYPE_CHANGEMENT,
  STRATEGIES,
  type Strategie,
  TYPES_CHANGEMENT,
  type TypeChangement,
} from "../../../domain/competences/faisabilite";
import { api } from "../../api";
import { Chargement, useDonnees } from "../donnees";
import { ResumeErreurs, useFormulaire } from "../formulaire";
import { type AppellationChoisie, ChoixAppellation } from "./ChoixAppellation";
import { type Projet, pourcent, type ReponseProfil } from "./types";

const NIVEAUX: Record<string, string> = {
  proche: "Proche du profil",
  accessible_avec_formation: "Accessible avec une formation",
  eloigne: "Éloigné du profil",
};
const PERSPECTIVES: Record<string, string> = {
  favorables: "Favorables",
  moyennes: "Moyennes",
  reduites: "Réduites",
  inconnues: "Inconnues",
};
const STATUTS: Record<Projet["statut"], string> = {
  hypothese: "Hypothèse",
  retenu: "Projet retenu",
  abandonne: "Abandonné",
};

/**
 * Projets professionnels : hypothèses comparées côte à côte (tableau), une seule retenue ; pour chacune, la faisabilité
 * expliquée ; pour le projet retenu, la stratégie que le conseiller confirme ou corrige avec un motif.
 */
export function ProjetsSection(props: { parcoursId: string; modifiable: boolean; conseiller: boolean }) {
  const { etat, recharger } = useDonnees<{ projets: Projet[]; region: string | null; sources: string[] }>(
    `/api/v1/parcours/${props.parcoursId}/projets`,
  );
  const profil = useDonnees<ReponseProfil>(`/api/v1/parcours/${props.parcoursId}/profil`);
  return (
    <>
      <h2>{props.conseiller ? "Projet professionnel" : "Mes projets"}</h2>
      <Chargement etat={etat}>
        {(d) => {
          const actifs = d.projets.filter((p) => p.statut !== "abandonne");
          const retenu = d.projets.find((p) => p.statut === "retenu");
          return (
            <>
              {actifs.length === 0 ? (
                <p>Aucune hypothèse de projet pour l'instant.</p>
              ) : (
                <Comparaison projets={actifs} {...props} apres={recharger} />
              )}
              {retenu?.faisabilite && <Faisabilite projet={retenu} {...props} apres={recharger} />}
              {props.modifiable && (
                <NouveauProjet
                  parcoursId={props.parcoursId}
                  pistes={profil.etat.statut === "pret" ? profil.etat.donnees.pistesRetenues : []}
                  apres={recharger}
                />
              )}
              <p className="fr-text--xs">Sources : {d.sources.join(" ; ")}.</p>
            </>
          );
        }}
      </Chargement>
    </>
  );
}

function Comparaison(props: {
  parcoursId: string;
  projets: Projet[];
  modifiable: boolean;
  apres: () => void;
}) {
  const f = useFormulaire();
  const changer = async (p: Projet, statut: Projet["statut"]) => {
    if (
      await f.soumettre(() =>
        api("PATCH", `/api/v1/parcours/${props.parcoursId}/projets/${p.id}`, { version: p.version, statut }),
      )
    )
      props.apres();
  };
  const ligne = (titre: string, valeur: (p: Projet) => React.ReactNode) => (
    <tr>
      <th scope="row">{titre}</th>
      {props.projets.map((p) => (
        <td key={p.id}>{valeur(p)}</td>
      ))}
    </tr>
  );
  return (
    <>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      <div className="fr-table fr-table--bordered">
        <table>
          <caption>Hypothèses de projet comparées</caption>
          <thead>
            <tr>
              <th scope="col">Critère</th>
              {props.projets.map((p) => (
                <th key={p.id} scope="col">
                  {p.libelleMetier} ({p.codeRome})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ligne("Statut", (p) => STATUTS[p.statut])}
            {ligne("Type de changement", (p) => LIBELLES_TYPE_CHANGEMENT[p.typeChangement])}
            {ligne("Compétences déjà couvertes", (p) =>
              p.faisabilite ? pourcent(p.faisabilite.couverture) : "—",
            )}
            {ligne("Cœur de métier couvert", (p) =>
              p.faisabilite ? pourcent(p.faisabilite.couvertureCoeur) : "—",
            )}
            {ligne("Compétences à acquérir", (p) =>
              p.faisabilite
                ? `${p.faisabilite.ecart.nombre} (dont ${p.faisabilite.ecart.coeur} du cœur de métier)`
                : "—",
            )}
            {ligne("Faisabilité", (p) => (p.faisabilite ? NIVEAUX[p.faisabilite.niveau] : "—"))}
            {ligne("Certification obligatoire", (p) => (p.faisabilite?.certificationRequise ? "Oui" : "Non"))}
            {ligne("Perspectives de recrutement", (p) =>
              p.faisabilite ? PERSPECTIVES[p.faisabilite.perspectives] : "—",
            )}
            {ligne("Stratégies conseillées", (p) =>
              p.faisabilite
                ? p.faisabilite.options
                    .filter((o) => o.recommandee)
                    .map((o) => LIBELLES_STRATEGIE[o.strategie])
                    .join(", ") || "Aucune en particulier"
                : "—",
            )}
            {props.modifiable &&
              ligne("Actions", (p) => (
                <>
                  {p.statut !== "retenu" && (
                    <Button
                      size="small"
                      type="button"
                      className="fr-mb-1w"
                      onClick={() => void changer(p, "retenu")}
                    >
                      Retenir « {p.libelleMetier} »
                    </Button>
                  )}{" "}
                  <Button
                    size="small"
                    priority="tertiary"
                    type="button"
                    onClick={() => void changer(p, "abandonne")}
                  >
                    Abandonner « {p.libelleMetier} »
                  </Button>
                </>
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Faisabilite(props: {
  parcoursId: string;
  projet: Projet;
  modifiable: boolean;
  conseiller: boolean;
  apres: () => void;
}) {
  const fa = props.projet.faisabilite!;
  const d = props.projet.decision;
  return (
    <section aria-labelledby="titre-faisabilite" className="fr-mb-4w">
      <h3 id="titre-faisabilite">
        Faisabilité du projet retenu : {props.projet.libelleMetier}{" "}
        <Badge
          severity={fa.niveau === "proche" ? "success" : fa.niveau === "eloigne" ? "warning" : "info"}
          noIcon
        >
          {NIVEAUX[fa.niveau] ?? fa.niveau}
        </Badge>
      </h3>
      <ul>
        {fa.motifs.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      {fa.ecart.competences.length > 0 && (
        <details className="fr-mb-2w">
          <summary>Compétences à acquérir ou à consolider ({fa.ecart.nombre})</summary>
          <ul>
            {fa.ecart.competences.slice(0, 40).map((c) => (
              <li key={c.codeOgr}>
                {c.libelle}
                {c.coeurMetier && " — cœur de métier"}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h4>Certifications liées au métier (RNCP et RS)</h4>
      {fa.certifications.length === 0 ? (
        <p>Aucune certification liée à ce code ROME dans le répertoire chargé.</p>
      ) : (
        <div className="fr-table fr-table--no-caption">
          {fa.certifications.every((c) => !c.intitule) && (
            <p className="fr-text--sm">
              L'export RNCP/RS chargé ne contient pas les intitulés : chaque numéro mène à la fiche de France
              compétences.
            </p>
          )}
          <table>
            <caption>Certifications liées au métier visé</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Intitulé</th>
                <th scope="col">Certificateur</th>
              </tr>
            </thead>
            <tbody>
              {fa.certifications.slice(0, 15).map((c) => (
                <tr key={c.numero}>
                  <td>
                    <a
                      href={`https://www.francecompetences.fr/recherche/${c.numero.startsWith("RS") ? "rs" : "rncp"}/${c.numero.replace(/\D/g, "")}/`}
                      target="_blank"
                      rel="noreferrer"
                      title={`${c.numero} — nouvelle fenêtre`}
                    >
                      {c.numero}
                    </a>
                  </td>
                  <td>{c.intitule ?? "—"}</td>
                  <td>{c.certificateurs.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>Stratégies possibles</h4>
      <ul>
        {fa.options.map((o) => (
          <li key={o.strategie}>
            <strong>{LIBELLES_STRATEGIE[o.strategie]}</strong> —{" "}
            {o.recommandee ? "conseillée" : "non conseillée"} : {o.motif}{" "}
            <span className="fr-text--xs">({o.source})</span>
          </li>
        ))}
      </ul>
      {d ? (
        <Alert
          severity="info"
          small
          className="fr-mb-2w"
          description={`Stratégie décidée le ${new Date(d.decideLe).toLocaleDateString("fr-FR")} : ${
            d.strategies.map((s) => LIBELLES_STRATEGIE[s]).join(", ") || "aucune"
          }${d.motif ? `. Motif : ${d.motif}` : ""}.`}
        />
      ) : (
        !props.conseiller && <p>Votre conseiller ou conseillère confirmera la stratégie avec vous.</p>
      )}
      {props.conseiller && props.modifiable && (
        <DecisionStrategie parcoursId={props.parcoursId} projet={props.projet} apres={props.apres} />
      )}
    </section>
  );
}

function DecisionStrategie(props: { parcoursId: string; projet: Projet; apres: () => void }) {
  const fa = props.projet.faisabilite!;
  const initiales =
    props.projet.decision?.strategies ?? fa.options.filter((o) => o.recommandee).map((o) => o.strategie);
  const [choix, setChoix] = useState<Strategie[]>(initiales);
  const [motif, setMotif] = useState(props.projet.decision?.motif ?? "");
  const f = useFormulaire();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await f.soumettre(() =>
            api("PUT", `/api/v1/parcours/${props.parcoursId}/projets/${props.projet.id}/strategie`, {
              version: props.projet.version,
              strategies: choix,
              ...(motif.trim() ? { motif: motif.trim() } : {}),
            }),
          )
        )
          props.apres();
      }}
    >
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={{ motif: "Motif" }} />
      <Checkbox
        legend="Stratégie retenue avec la personne"
        hintText="Cochées par défaut : les stratégies conseillées. S'en écarter demande un motif."
        options={STRATEGIES.map((s) => ({
          label: LIBELLES_STRATEGIE[s],
          nativeInputProps: {
            checked: choix.includes(s),
            onChange: (e) => setChoix(e.target.checked ? [...choix, s] : choix.filter((x) => x !== s)),
          },
        }))}
      />
      <Input
        label="Motif (obligatoire si le choix s'écarte des stratégies conseillées)"
        textArea
        {...f.etat("motif")}
        nativeTextAreaProps={{
          id: "champ-motif",
          value: motif,
          maxLength: 2000,
          onChange: (e) => setMotif(e.target.value),
        }}
      />
      <Button type="submit" disabled={f.envoi}>
        Confirmer la stratégie
      </Button>
    </form>
  );
}

function NouveauProjet(props: {
  parcoursId: string;
  pistes: { codeRome: string; libelle: string }[];
  apres: () => void;
}) {
  const [cible, setCible] = useState<{ codeRome: string; libelle: string } | null>(null);
  const [type, setType] = useState<TypeChangement | "">("");
  const [description, setDescription] = useState("");
  const f = useFormulaire();
  return (
    <section aria-labelledby="titre-nouveau-projet" className="fr-mt-4w">
      <h3 id="titre-nouveau-projet">Ajouter une hypothèse de projet</h3>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={{ codeRome: "Métier visé", typeChangement: "Type de changement" }}
      />
      {props.pistes.length > 0 && (
        <Select
          label="Métier visé parmi les pistes retenues"
          nativeSelectProps={{
            value: cible?.codeRome ?? "",
            onChange: (e) => setCible(props.pistes.find((p) => p.codeRome === e.target.value) ?? null),
          }}
        >
          <option value="">Choisir une piste retenue</option>
          {props.pistes.map((p) => (
            <option key={p.codeRome} value={p.codeRome}>
              {p.libelle} ({p.codeRome})
            </option>
          ))}
        </Select>
      )}
      <ChoixAppellation
        libelle={props.pistes.length ? "Ou chercher un autre métier visé" : "Métier visé"}
        valider="Choisir ce métier"
        permettreAucune={false}
        surChoix={(_t, a: AppellationChoisie | null) =>
          a && setCible({ codeRome: a.codeRome, libelle: a.libelleRome })
        }
      />
      <p>
        Métier visé : <strong>{cible ? `${cible.libelle} (${cible.codeRome})` : "non choisi"}</strong>
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await f.soumettre(() =>
            api("POST", `/api/v1/parcours/${props.parcoursId}/projets`, {
              codeRome: cible?.codeRome ?? "",
              typeChangement: type,
              ...(description.trim() ? { description: description.trim() } : {}),
            }),
          );
          if (r) {
            setCible(null);
            setType("");
            setDescription("");
            props.apres();
          }
        }}
      >
        <Select
          label="Type de changement"
          {...f.etat("typeChangement")}
          nativeSelectProps={{
            id: "champ-typeChangement",
            value: type,
            onChange: (e) => setType(e.target.value as TypeChangement),
          }}
        >
          <option value="">Choisir</option>
          {TYPES_CHANGEMENT.map((t) => (
            <option key={t} value={t}>
              {LIBELLES_TYPE_CHANGEMENT[t]}
            </option>
          ))}
        </Select>
        <Input
          label="Description (facultatif)"
          textArea
          nativeTextAreaProps={{
            value: description,
            maxLength: 4000,
            onChange: (e) => setDescription(e.target.value),
          }}
        />
        <Button type="submit" disabled={f.envoi}>
          Ajouter le projet
        </Button>
      </form>
    </section>
  );
}
