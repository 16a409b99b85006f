import { describe, expect, it } from "vitest";
import { CAS_ORIENTATION } from "../../test/cas/orientation.js";
import { decider, incoherences, type PortailRegional } from "./orientation.js";

const PORTAILS: PortailRegional[] = [
  { codeRegion: "84", nomRegion: "Auvergne-Rhône-Alpes", url: "https://ara.avenir-actifs.org" },
];

describe("éligibilité et aiguillage (regles-cep.md §2)", () => {
  it.each(CAS_ORIENTATION)("$nom ($article)", (cas) => {
    const { codePostal: _, ...situation } = cas.entree;
    const d = decider({ ...situation, region: cas.region }, PORTAILS);
    expect(d.eligible).toBe(cas.eligible);
    expect(d.operateurs.map((o) => o.type)).toEqual(cas.operateurs);
    expect(d.operateurs.every((o) => o.motif.length > 20)).toBe(true);
    if (cas.motif) expect(d.motifs.join(" ")).toMatch(cas.motif);
  });

  it("donne le portail de l'opérateur régional de la région", () => {
    const d = decider(
      {
        statut: "salarie_prive",
        cadre: false,
        age: 40,
        handicapReconnu: false,
        rechercheEmploi: false,
        projetDemission: false,
        region: { code: "84", nom: "Auvergne-Rhône-Alpes" },
      },
      PORTAILS,
    );
    expect(d.operateurs[0]).toMatchObject({
      type: "operateur_regional",
      region: "Auvergne-Rhône-Alpes",
      url: "https://ara.avenir-actifs.org",
    });
  });

  it.each([
    [{ statut: "demandeur_emploi" as const, projetDemission: true, age: 40 }, "projetDemission"],
    [{ statut: "independant" as const, projetDemission: true, age: 40 }, "projetDemission"],
    [{ statut: "retraite" as const, projetDemission: false, age: 12 }, "age"],
  ])("signale une situation contradictoire (%o → %s)", (extra, champ) => {
    const s = { cadre: false, handicapReconnu: false, rechercheEmploi: false, region: null, ...extra };
    expect(incoherences(s).map((i) => i.champ)).toContain(champ);
  });
});
