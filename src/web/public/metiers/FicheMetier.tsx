import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Chargement, useDonnees } from "../../commun/donnees";
import { Page } from "../../commun/Page";
import { RechercheCommune } from "./RechercheCommune";
import { type Chiffres, type Fiche, type Item, type Marche, RIASEC, TRANSITIONS_ECOLOGIQUES } from "./types";

const nombre = new Intl.NumberFormat("fr-FR");
const SECRET = "secret statistique";

/** Un chiffre BMO : le secret statistique est affiché comme tel, jamais comme zéro. */
function valeur(c: Chiffres, v: number | null) {
  if (v === null) return SECRET;
  return c.bassinsSecrets > 0 ? `au moins ${nombre.format(v)}` : nombre.format(v);
}
function part(c: Chiffres, v: number | null) {
  if (v === null || c.projets === null || c.projets === 0) return SECRET;
  return `${Math.round((100 * v) / c.projets)} %`;
}

function Competences({ items }: { items: Item[] }) {
  const coeurDabord = (a: Item, b: Item) =>
    Number(b.coeurMetier === "Principale") - Number(a.coeurMetier === "Principale") ||
    a.libelle.localeCompare(b.libelle, "fr");
  const groupes = new Map<string, Item[]>();
  for (const i of items.filter((x) => x.rubrique === "savoir_faire")) {
    const g = i.macroCompetence?.libelle ?? "Autres savoir-faire";
    groupes.set(g, [...(groupes.get(g) ?? []), i]);
  }
  const ordreGroupes = [...groupes.entries()].sort(
    (a, b) =>
      Number(b[1].some((i) => i.coeurMetier === "Principale")) -
        Number(a[1].some((i) => i.coeurMetier === "Principale")) || a[0].localeCompare(b[0], "fr"),
  );
  const savoirs = new Map<string, Item[]>();
  for (const i of items.filter((x) => x.rubrique === "savoir")) {
    const c = i.categorie ?? "Autres savoirs";
    savoirs.set(c, [...(savoirs.get(c) ?? []), i]);
  }
  const ligne = (i: Item) => (
    <li key={i.codeOgr}>
      {i.libelle}
      {i.coeurMetier === "Principale" && (
        <Badge small severity="info" className="fr-ml-1w" noIcon>
          Cœur de métier
        </Badge>
      )}
      {i.coeurMetier === "Émergente" && (
        <Badge small severity="new" className="fr-ml-1w" noIcon>
          Émergente
        </Badge>
      )}
    </li>
  );
  return (
    <>
      <h3>Savoir-faire</h3>
      {ordreGroupes.length === 0 && <p>Aucun savoir-faire renseigné.</p>}
      {ordreGroupes.map(([g, liste]) => (
        <div key={g}>
          <h4 className="fr-h6 fr-mb-1w">{g}</h4>
          <ul>
            {liste
              .filter((i) => i.macroCompetence?.codeOgr !== i.codeOgr)
              .sort(coeurDabord)
              .map(ligne)}
          </ul>
        </div>
      ))}
      <h3>Savoir-être professionnels</h3>
      <ul>
        {items
          .filter((i) => i.rubrique === "savoir_etre")
          .sort(coeurDabord)
          .map(ligne)}
      </ul>
      <h3>Savoirs</h3>
      {[...savoirs.entries()]
        .sort((a, b) => a[0].localeCompare(b[0], "fr"))
        .map(([c, liste]) => (
          <div key={c}>
            <h4 className="fr-h6 fr-mb-1w">{c}</h4>
            <ul>{liste.sort(coeurDabord).map(ligne)}</ul>
          </div>
        ))}
    </>
  );
}

function MarcheDuTravail({ codeRome }: { codeRome: string }) {
  const [region, setRegion] = useState("");
  const { etat } = useDonnees<Marche>(
    `/api/v1/metiers/${codeRome}/marche${region ? `?region=${encodeURIComponent(region)}` : ""}`,
  );
  const [regions, setRegions] = useState<Marche["regions"]>([]);
  if (etat.statut === "pret" && regions.length === 0 && etat.donnees.regions.length)
    setRegions(etat.donnees.regions);
  return (
    <section aria-labelledby="titre-marche">
      <h2 id="titre-marche">Recrutements prévus</h2>
      <RechercheCommune onChoisir={(c) => setRegion(c.region.code)} />
      <Select
        label="Région"
        hint="Les chiffres de la région choisie s'affichent à côté de ceux de la France entière."
        nativeSelectProps={{ value: region, onChange: (e) => setRegion(e.target.value) }}
      >
        <option value="">France entière seulement</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.nom}
          </option>
        ))}
      </Select>
      <Chargement etat={etat}>
        {(m) =>
          m.message ? (
            <p>{m.message}</p>
          ) : (
            <>
              {m.metiersBmo.map((b) => (
                <div key={b.codeMetier}>
                  <Table
                    caption={`Projets de recrutement 2025 — métier de l'enquête : ${b.libelle}`}
                    headers={[
                      "Territoire",
                      "Projets de recrutement",
                      "Jugés difficiles",
                      "Saisonniers",
                      "Rang dans la région",
                    ]}
                    data={[
                      ...(b.region
                        ? [
                            [
                              b.region.nom,
                              valeur(b.region, b.region.projets),
                              part(b.region, b.region.difficiles),
                              part(b.region, b.region.saisonniers),
                              b.region.rang === null
                                ? SECRET
                                : `${b.region.rang}e sur ${b.region.nombreMetiers} métiers`,
                            ],
                          ]
                        : []),
                      [
                        "France entière",
                        valeur(b.france, b.france.projets),
                        part(b.france, b.france.difficiles),
                        part(b.france, b.france.saisonniers),
                        "—",
                      ],
                    ]}
                  />
                </div>
              ))}
              <p className="fr-text--sm">
                « au moins » : certains bassins d'emploi sont couverts par le secret statistique et ne sont
                pas comptés. {m.source}.
              </p>
            </>
          )
        }
      </Chargement>
    </section>
  );
}

/** Fiche métier ROME 4.0 : tout ce que le répertoire dit du métier, et les recrutements prévus. */
export function FicheMetier() {
  const { codeRome = "" } = useParams();
  const { etat } = useDonnees<Fiche>(`/api/v1/metiers/${encodeURIComponent(codeRome)}`);
  const titre = etat.statut === "pret" ? etat.donnees.libelle : `Fiche métier ${codeRome}`;
  const chemin = [{ libelle: "Métiers", lien: "/metiers" }];
  if (etat.statut === "pret" && etat.donnees.domaine)
    chemin.push({
      libelle: etat.donnees.domaine.libelle,
      lien: `/metiers/domaines/${etat.donnees.domaine.code}`,
    });
  return (
    <Page titre={titre} chemin={chemin}>
      <Chargement etat={etat}>
        {(f) => (
          <>
            <ul className="fr-tags-group">
              <li>
                <Tag>Code ROME {f.codeRome}</Tag>
              </li>
              {f.transitionEcologique && f.transitionEcologique !== "Emploi Blanc" && (
                <li>
                  <Tag>
                    {TRANSITIONS_ECOLOGIQUES.includes(f.transitionEcologique)
                      ? `Transition écologique : ${f.transitionEcologique}`
                      : f.transitionEcologique}
                  </Tag>
                </li>
              )}
              {f.transitionNumerique && (
                <li>
                  <Tag>Transition numérique</Tag>
                </li>
              )}
              {f.transitionDemographique && (
                <li>
                  <Tag>Transition démographique</Tag>
                </li>
              )}
              {f.emploiReglemente && (
                <li>
                  <Tag>Métier réglementé</Tag>
                </li>
              )}
              {f.emploiCadre && (
                <li>
                  <Tag>Emploi cadre</Tag>
                </li>
              )}
            </ul>
            <h2>Définition</h2>
            {f.definition ? f.definition.split("\n").map((p) => <p key={p}>{p}</p>) : <p>Non renseignée.</p>}
            <h2>Accès au métier</h2>
            {f.acces ? f.acces.split("\n").map((p) => <p key={p}>{p}</p>) : <p>Non renseigné.</p>}
            <h2>Appellations</h2>
            <ul>
              {f.appellations.map((a) => (
                <li key={a.codeOgr}>
                  {a.libelle}
                  {a.principale && " (appellation principale)"}
                  {a.peuUsite && " (peu usitée)"}
                </li>
              ))}
            </ul>
            <h2>Compétences</h2>
            <Competences items={f.items} />
            <h2>Contextes de travail</h2>
            {f.items.some((i) => i.rubrique === "contexte") ? (
              <ul>
                {f.items
                  .filter((i) => i.rubrique === "contexte")
                  .map((i) => (
                    <li key={i.codeOgr}>
                      {i.categorie ? `${i.categorie} : ` : ""}
                      {i.libelle}
                    </li>
                  ))}
              </ul>
            ) : (
              <p>Aucun contexte de travail renseigné.</p>
            )}
            <h2>Profil d'intérêts (RIASEC)</h2>
            <p>
              {f.riasec.majeur
                ? `Dominante : ${RIASEC[f.riasec.majeur] ?? f.riasec.majeur}`
                : "Non renseigné"}
              {f.riasec.mineur ? ` ; secondaire : ${RIASEC[f.riasec.mineur] ?? f.riasec.mineur}` : ""}.
            </p>
            <h2>Métiers proches (mobilités)</h2>
            {f.mobilites.length ? (
              <ul>
                {f.mobilites.map((m) => (
                  <li key={m.codeRome}>
                    <Link to={`/metiers/${m.codeRome}`}>
                      {m.libelle} ({m.codeRome})
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Aucune mobilité renseignée.</p>
            )}
            <MarcheDuTravail codeRome={f.codeRome} />
            <p className="fr-text--sm fr-mt-4w">{f.source}</p>
          </>
        )}
      </Chargement>
    </Page>
  );
}
