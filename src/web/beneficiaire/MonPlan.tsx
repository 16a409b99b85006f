import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import {
  type ActionPlan,
  LIBELLES_STATUT_ACTION,
  STATUTS_ACTION,
  type StatutAction,
} from "../../domain/plan/plan";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import {
  BadgeStatutAction,
  BilanFinancementVue,
  CalendrierPlanVue,
  etatVersion,
  PlanLecture,
  type VuePlan,
} from "../commun/plan";

/**
 * « Mon plan d'actions » : le plan en cours, le financement et le calendrier ; la personne change le statut de ses
 * propres actions (celles menées par le conseiller ou par un tiers sont affichées sans contrôle).
 */
export function MonPlan({ parcoursId, clos }: { parcoursId: string; clos: boolean }) {
  const { etat, recharger } = useDonnees<VuePlan>(`/api/v1/parcours/${parcoursId}/plan`);
  const f = useFormulaire();
  const [ok, setOk] = useState<string | null>(null);
  const [choix, setChoix] = useState<Record<string, StatutAction>>({});

  async function mettreAJour(version: number, a: ActionPlan) {
    setOk(null);
    const statut = choix[a.id] ?? a.statut;
    const r = await f.soumettre(() =>
      api("PUT", `/api/v1/parcours/${parcoursId}/plan/actions/${a.id}/statut`, { version, statut }),
    );
    if (r) {
      setOk(
        `« ${a.intitule} » : ${LIBELLES_STATUT_ACTION[statut].toLowerCase()}. Votre conseiller le verra.`,
      );
      await recharger();
    } else await recharger();
  }

  return (
    <div>
      <h2>Mon plan d'actions</h2>
      <Chargement etat={etat}>
        {(d) =>
          !d.plan ? (
            <p>
              Votre plan d'actions n'est pas encore construit : vous le bâtirez avec votre conseiller ou votre
              conseillère (étapes, actions, financement, calendrier).
            </p>
          ) : (
            <>
              <CallOut title={etatVersion(d.plan)}>
                {d.plan.statut === "convenu"
                  ? "Ce plan a été convenu entre vous et votre conseiller ou conseillère."
                  : "Ce plan est en préparation avec votre conseiller ou conseillère."}
              </CallOut>
              <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
              {ok && <Alert className="fr-mb-2w" severity="success" small description={ok} />}
              <PlanLecture
                contenu={d.plan.contenu}
                controleStatut={(a) =>
                  a.responsable !== "beneficiaire" || clos ? (
                    <p className="fr-mb-0">
                      <BadgeStatutAction statut={a.statut} />
                    </p>
                  ) : (
                    <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
                      <div className="fr-col-12 fr-col-md-6">
                        <Select
                          label={`Où en êtes-vous : « ${a.intitule} »`}
                          nativeSelectProps={{
                            id: `statut-${a.id}`,
                            value: choix[a.id] ?? a.statut,
                            onChange: (e) => setChoix({ ...choix, [a.id]: e.target.value as StatutAction }),
                          }}
                        >
                          {STATUTS_ACTION.map((s) => (
                            <option key={s} value={s}>
                              {LIBELLES_STATUT_ACTION[s]}
                            </option>
                          ))}
                        </Select>
                      </div>
                      <div className="fr-col-12 fr-col-md-6">
                        <Button
                          className="fr-mb-3w"
                          priority="secondary"
                          disabled={f.envoi}
                          onClick={() => mettreAJour(d.plan!.version, a)}
                        >
                          Enregistrer<span className="fr-sr-only"> où j'en suis : « {a.intitule} »</span>
                        </Button>
                      </div>
                    </div>
                  )
                }
              />
              {d.financement && d.financement.actions.length > 0 && (
                <section>
                  <h3>Financement</h3>
                  <BilanFinancementVue bilan={d.financement} titre="h4" />
                </section>
              )}
              <CalendrierPlanVue parcoursId={parcoursId} evenements={d.calendrier} />
            </>
          )
        }
      </Chargement>
    </div>
  );
}
