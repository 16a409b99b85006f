import { describe, expect, it } from "vitest";
import { chargerConfiguration, ErreurConfiguration } from "./config.js";

describe("configuration", () => {
  it("a des valeurs par défaut qui démarrent sur SQLite dans ./var", () => {
    const c = chargerConfiguration({});
    expect(c.port).toBe(3000);
    expect(c.base).toEqual({ type: "sqlite", fichier: expect.stringMatching(/var\/cep\.sqlite$/) });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.rateLimitPublic).toBe(120);
    expect(c.publicUrl).toBe("http://localhost:3000");
  });

  it("reconnaît PostgreSQL par l'URL", () => {
    expect(chargerConfiguration({ CEP_DATABASE_URL: "postgres://u:p@h:5432/cep" }).base).toEqual({
      type: "postgresql",
      url: "postgres://u:p@h:5432/cep",
    });
  });

  it("ne charge jamais la démonstration en production", () => {
    expect(chargerConfiguration({ NODE_ENV: "production", CEP_DEMO: "true" }).demo).toBe(false);
  });

  it.each([
    ["PORT", "abc", "un entier entre 0 et 65535"],
    ["PORT", "70000", "un entier entre 0 et 65535"],
    ["CEP_DATABASE_URL", "mysql://x", "une URL postgres://… ou sqlite:chemin/vers/fichier.sqlite"],
    ["CEP_REFERENTIELS_DIR", "/nexiste/pas", "un répertoire existant"],
    ["CEP_SMTP_URL", "mail.exemple.fr", "une URL smtp://utilisateur:motdepasse@hote:port ou smtps://…"],
    ["CEP_RATE_LIMIT_PUBLIC", "-5", "un entier entre 1 et 1000000 (requêtes par minute)"],
    ["CEP_DEMO", "peut-être", "true ou false"],
    ["NODE_ENV", "prod", "development, production ou test"],
  ])(
    "refuse %s=%s avec un message qui nomme la variable, la valeur et la forme attendue",
    (variable, valeur, attendu) => {
      try {
        chargerConfiguration({ [variable]: valeur });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ErreurConfiguration);
        expect((e as Error).message).toBe(
          `Configuration invalide : la variable ${variable} vaut « ${valeur} » ; attendu : ${attendu}.`,
        );
      }
    },
  );
});
