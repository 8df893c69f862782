/**
 * Makes installed language packs usable. VS Code resolves a display language through
 * `<user-data>/languagepacks.json`, which its server writes when a language pack is installed from
 * the workbench; `code-server --install-extension` installs the files but skips that step, so
 * `--locale zh-cn` would silently stay English. This writes the same record from the installed
 * extensions' `contributes.localizations`, as VS Code's language-pack cache does.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Localization {
  languageId: string;
  languageName?: string;
  localizedLanguageName?: string;
  translations: { id: string; path: string }[];
}

interface InstalledManifest {
  publisher: string;
  name: string;
  version: string;
  contributes?: { localizations?: Localization[] };
}

/** One entry of languagepacks.json, keyed by language id (VS Code's `ILanguagePack`). */
interface LanguagePackEntry {
  hash: string;
  label: string | undefined;
  extensions: { extensionIdentifier: { id: string }; version: string }[];
  translations: Record<string, string>;
}

function readManifest(dir: string): InstalledManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as InstalledManifest;
  } catch {
    return undefined; // Not an extension folder (extensions.json, .obsolete, …).
  }
}

/** Writes languagepacks.json for the packs in `extensionsDir`; returns the language ids found. */
export function registerLanguagePacks(extensionsDir: string, userDataDir: string): string[] {
  const packs: Record<string, LanguagePackEntry> = {};
  for (const entry of fs.readdirSync(extensionsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(extensionsDir, entry.name);
    const manifest = readManifest(dir);
    for (const localization of manifest?.contributes?.localizations ?? []) {
      const id = `${manifest?.publisher}.${manifest?.name}`.toLowerCase();
      const pack = (packs[localization.languageId] ??= {
        hash: '',
        label: localization.localizedLanguageName ?? localization.languageName,
        extensions: [],
        translations: {},
      });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest?.version ?? '' });
      for (const t of localization.translations) pack.translations[t.id] = path.join(dir, t.path);
    }
  }
  if (Object.keys(packs).length === 0) return [];
  for (const pack of Object.values(packs)) {
    // The hash names VS Code's translation cache folder: it changes when a pack's version does.
    const md5 = createHash('md5');
    for (const e of pack.extensions) md5.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = md5.digest('hex');
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return Object.keys(packs);
}
