import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Courriel, Messagerie } from "../app/ports.js";

/**
 * Envoi des courriels. Avec CEP_SMTP_URL : SMTP. Sans : chaque message est écrit tel quel (RFC 5322)
 * dans un fichier `.eml` sous `dossier`, lisible par n'importe quel client de messagerie.
 */
export function creerMessagerie(options: {
  smtpUrl?: string | undefined;
  dossier: string;
  expediteur: string;
}): Messagerie {
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async envoyer(c: Courriel) {
      const info = await transport.sendMail({
        from: options.expediteur,
        to: c.a,
        subject: c.sujet,
        text: c.texte,
        attachments: c.pieceJointes?.map((p) => ({
          filename: p.nom,
          content: p.contenu,
          contentType: p.type,
        })),
      });
      if (!options.smtpUrl) {
        await mkdir(options.dossier, { recursive: true });
        const nom = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
        await writeFile(path.join(options.dossier, nom), (info as unknown as { message: Buffer }).message);
      }
    },
  };
}
