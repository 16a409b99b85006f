import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateHeure } from "../commun/libelles";
import { Page } from "../commun/Page";
import type { ReunionPublique } from "../public/ReunionsInformation";
import { useSession } from "../session";

interface Inscription {
  id: string;
  nom: string;
  email: string;
  place: "confirmee" | "liste_attente" | "annulee";
  rangAttente: number | null;
  present: boolean | null;
  version: number;
}

const LIBELLES: Record<string, string> = {
  theme: "Thème",
  lieu: "Lieu",
  siteId: "Site",
  debut: "Date et heure",
  dureeMinutes: "Durée en minutes",
  places: "Nombre de places",
};

/** Réunions d'information de l'opérateur : planifier, suivre les inscriptions, la liste d'attente et la présence. */
export function ReunionsConseiller() {
  const { session } = useSession();
  const operateurId = session.statut === "connecte" ? (session.compte.operateurId ?? "") : "";
  const { etat, recharger } = useDonnees<ReunionPublique[]>("/api/v1/reunions");
  const [ouverte, setOuverte] = useState<string | null>(null);
  return (
    <Page titre="Réunions d'information" accueil="/conseiller">
      <Planifier operateurId={operateurId} apres={recharger} />
      <h2 className="fr-mt-6w">Réunions à venir</h2>
      <Chargement etat={etat}>
        {(toutes) => {
          const miennes = toutes.filter((r) => r.operateur.id === operateurId);
          if (miennes.length === 0) return <p>Aucune réunion à venir pour votre opérateur.</p>;
          return (
            <>
              <Table
                caption="Réunions à venir de votre opérateur"
                headers={["Thème", "Date", "Lieu", "Places restantes", ""]}
                data={miennes.map((r) => [
                  r.theme,
                  dateHeure(r.debut),
                  r.lieu === "distance" ? "À distance" : (r.site?.nom ?? "Sur site"),
                  `${r.placesRestantes} sur ${r.places}`,
                  <Button
                    key={r.id}
                    size="small"
                    priority="secondary"
                    onClick={() => setOuverte(r.id)}
                    nativeButtonProps={{ "aria-label": `Inscriptions : ${r.theme}` }}
                  >
                    Inscriptions
                  </Button>,
                ])}
              />
              {ouverte && <Inscriptions key={ouverte} reunionId={ouverte} apres={recharger} />}
            </>
          );
        }}
      </Chargement>
    </Page>
  );
}

function Planifier({ operateurId, apres }: { operateurId: string; apres: () => Promise<void> | void }) {
  const sites = useDonnees<{ sites: { id: string; nom: string }[] }>(`/api/v1/operateurs/${operateurId}`);
  const f = useFormulaire();
  const [ok, setOk] = useState(false);
  const [v, setV] = useState({
    theme: "",
    lieu: "distance",
    siteId: "",
    debut: "",
    dureeMinutes: "90",
    places: "12",
  });
  const maj = (cle: keyof typeof v, valeur: string) => setV((p) => ({ ...p, [cle]: valeur }));
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(false);
    const r = await f.soumettre(() =>
      api("POST", "/api/v1/reunions", {
        theme: v.theme,
        lieu: v.lieu,
        siteId: v.lieu === "site" && v.siteId ? v.siteId : null,
        debut: v.debut ? new Date(v.debut).toISOString() : "",
        dureeMinutes: Number(v.dureeMinutes),
        places: Number(v.places),
      }),
    );
    if (r) {
      setOk(true);
      setV((p) => ({ ...p, theme: "", debut: "" }));
      await apres();
    }
  }
  const champ = (cle: "theme" | "debut" | "dureeMinutes" | "places", type = "text") => (
    <Input
      label={LIBELLES[cle]}
      {...f.etat(cle)}
      nativeInputProps={{
        id: `champ-${cle}`,
        type,
        value: v[cle],
        onChange: (e) => maj(cle, e.target.value),
        ...(type === "number" ? { inputMode: "numeric" as const } : {}),
      }}
    />
  );
  return (
    <section aria-labelledby="titre-planifier">
      <h2 id="titre-planifier">Planifier une réunion</h2>
      {ok && (
        <Alert
          className="fr-mb-2w"
          severity="success"
          small
          description="Réunion planifiée : elle est publiée."
        />
      )}
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      <form onSubmit={envoyer} noValidate>
        {champ("theme")}
        <div id="champ-lieu">
          <RadioButtons
            legend={LIBELLES.lieu}
            name="lieu"
            orientation="horizontal"
            options={[
              ["distance", "À distance"],
              ["site", "Sur un site"],
            ].map(([code, libelle]) => ({
              label: libelle,
              nativeInputProps: { value: code, checked: v.lieu === code, onChange: () => maj("lieu", code!) },
            }))}
          />
        </div>
        {v.lieu === "site" && (
          <Select
            label={LIBELLES.siteId}
            {...f.etat("siteId")}
            nativeSelectProps={{
              id: "champ-siteId",
              value: v.siteId,
              onChange: (e) => maj("siteId", e.target.value),
            }}
          >
            <option value="">Choisir un site</option>
            {sites.etat.statut === "pret" &&
              sites.etat.donnees.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nom}
                </option>
              ))}
          </Select>
        )}
        {champ("debut", "datetime-local")}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-6">{champ("dureeMinutes", "number")}</div>
          <div className="fr-col-6">{champ("places", "number")}</div>
        </div>
        <Button type="submit" disabled={f.envoi}>
          Planifier la réunion
        </Button>
      </form>
    </section>
  );
}

function Inscriptions({ reunionId, apres }: { reunionId: string; apres: () => Promise<void> | void }) {
  const { etat, recharger } = useDonnees<{ reunion: ReunionPublique; inscriptions: Inscription[] }>(
    `/api/v1/reunions/${reunionId}/inscriptions`,
  );
  const [erreur, setErreur] = useState<string | null>(null);
  async function agir(action: () => Promise<unknown>) {
    setErreur(null);
    try {
      await action();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : "Action impossible.");
    }
    await recharger();
    await apres();
  }
  return (
    <Chargement etat={etat}>
      {({ reunion, inscriptions }) => (
        <section className="fr-mt-4w" aria-labelledby="titre-inscriptions">
          <h2 id="titre-inscriptions">Inscriptions : {reunion.theme}</h2>
          {erreur && <Alert className="fr-mb-2w" severity="error" small description={erreur} />}
          {inscriptions.length === 0 ? (
            <p>Personne n'est encore inscrit.</p>
          ) : (
            <Table
              caption={`Inscriptions dans l'ordre d'arrivée (${reunion.places} places)`}
              headers={["Nom", "Adresse", "Place", "Présence", "Actions"]}
              data={inscriptions.map((i) => [
                i.nom,
                i.email,
                i.place === "confirmee" ? (
                  <Badge key="p" severity="success" small>
                    Confirmée
                  </Badge>
                ) : i.place === "liste_attente" ? (
                  <Badge key="p" severity="warning" small>
                    {`Liste d'attente (${i.rangAttente})`}
                  </Badge>
                ) : (
                  <Badge key="p" small>
                    Annulée
                  </Badge>
                ),
                i.present === null ? "Non notée" : i.present ? "Présent·e" : "Absent·e",
                i.place === "annulee" ? (
                  ""
                ) : (
                  <ul key="a" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                    {i.place === "confirmee" && (
                      <>
                        <li>
                          <Button
                            size="small"
                            priority="secondary"
                            onClick={() =>
                              agir(() =>
                                api("PUT", `/api/v1/inscriptions-reunion/${i.id}/presence`, {
                                  version: i.version,
                                  present: true,
                                }),
                              )
                            }
                            nativeButtonProps={{ "aria-label": `${i.nom} : présent·e` }}
                          >
                            Présent·e
                          </Button>
                        </li>
                        <li>
                          <Button
                            size="small"
                            priority="tertiary"
                            onClick={() =>
                              agir(() =>
                                api("PUT", `/api/v1/inscriptions-reunion/${i.id}/presence`, {
                                  version: i.version,
                                  present: false,
                                }),
                              )
                            }
                            nativeButtonProps={{ "aria-label": `${i.nom} : absent·e` }}
                          >
                            Absent·e
                          </Button>
                        </li>
                      </>
                    )}
                    <li>
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={() =>
                          agir(() =>
                            api("POST", `/api/v1/inscriptions-reunion/${i.id}/annulation`, {
                              version: i.version,
                            }),
                          )
                        }
                        nativeButtonProps={{ "aria-label": `Annuler l'inscription de ${i.nom}` }}
                      >
                        Annuler
                      </Button>
                    </li>
                  </ul>
                ),
              ])}
            />
          )}
        </section>
      )}
    </Chargement>
  );
}
