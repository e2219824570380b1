/**
 * Addresses that moved: old path -> new path, answered with a permanent 301 by nginx
 * (deploy/nginx.conf, generated from this file by `npm run nginx-conf`) and by scripts/serve.ts.
 * A published address never dies (tests/published-urls.txt): when an article's file is renamed,
 * its page and its .reg files move, so add each old address here, e.g.
 *   '/en/fixes/old-slug/': '/en/fixes/new-slug/',
 *   '/en/fixes/old-slug/old-slug.reg': '/en/fixes/new-slug/new-slug.reg',
 * Page paths end with "/"; the same path without the slash redirects too.
 */
export const REDIRECTS: Record<string, string> = {
  // The troubleshooter before issue 13 asked for the cause as a last step; its result pages now
  // sit one level up (device, symptom), and show every cause that fits.
  '/de/troubleshooter/nas/gastzugriff-blockiert/smb-signatur-erforderlich/':
    '/de/troubleshooter/nas/gastzugriff-blockiert/',
  '/de/troubleshooter/nas/gastzugriff-blockiert/unsichere-gastanmeldung-blockiert/':
    '/de/troubleshooter/nas/gastzugriff-blockiert/',
  '/de/troubleshooter/nas/registrywert-nicht-vorhanden/registrywert-muss-angelegt-werden/':
    '/de/troubleshooter/nas/registrywert-nicht-vorhanden/',
  '/de/troubleshooter/nas/samba-zugriff-verweigert/samba-unix-rechte/':
    '/de/troubleshooter/nas/samba-zugriff-verweigert/',
  '/de/troubleshooter/nas/smb1-freigabe-nicht-sicher/smb1-entfernt/':
    '/de/troubleshooter/nas/smb1-freigabe-nicht-sicher/',
  '/de/troubleshooter/samba/gastzugriff-blockiert/smb-signatur-erforderlich/':
    '/de/troubleshooter/samba/gastzugriff-blockiert/',
  '/de/troubleshooter/samba/gastzugriff-blockiert/unsichere-gastanmeldung-blockiert/':
    '/de/troubleshooter/samba/gastzugriff-blockiert/',
  '/de/troubleshooter/samba/samba-zugriff-verweigert/samba-unix-rechte/':
    '/de/troubleshooter/samba/samba-zugriff-verweigert/',
  '/de/troubleshooter/samba/smb1-freigabe-nicht-sicher/smb1-entfernt/':
    '/de/troubleshooter/samba/smb1-freigabe-nicht-sicher/',
  '/de/troubleshooter/windows-pc/administrative-freigaben-verweigert/uac-remote-einschraenkungen/':
    '/de/troubleshooter/windows-pc/administrative-freigaben-verweigert/',
  '/de/troubleshooter/windows-pc/anmeldedaten-werden-abgelehnt/anmeldedaten-des-freigebenden-pcs/':
    '/de/troubleshooter/windows-pc/anmeldedaten-werden-abgelehnt/',
  '/de/troubleshooter/windows-pc/anmeldedaten-werden-abgelehnt/leeres-kennwort-netzwerkanmeldung/':
    '/de/troubleshooter/windows-pc/anmeldedaten-werden-abgelehnt/',
  '/de/troubleshooter/windows-pc/freigabe-netzwerkfehler/freigabe-assistent-aus/':
    '/de/troubleshooter/windows-pc/freigabe-netzwerkfehler/',
  '/de/troubleshooter/windows-pc/freigabe-netzwerkfehler/unsichere-gastanmeldung-blockiert/':
    '/de/troubleshooter/windows-pc/freigabe-netzwerkfehler/',
  '/de/troubleshooter/windows-pc/gastzugriff-blockiert/smb-signatur-erforderlich/':
    '/de/troubleshooter/windows-pc/gastzugriff-blockiert/',
  '/de/troubleshooter/windows-pc/gastzugriff-blockiert/unsichere-gastanmeldung-blockiert/':
    '/de/troubleshooter/windows-pc/gastzugriff-blockiert/',
  '/de/troubleshooter/windows-pc/heimnetzgruppe-geht-nicht/heimnetzgruppe-entfernt/':
    '/de/troubleshooter/windows-pc/heimnetzgruppe-geht-nicht/',
  '/de/troubleshooter/windows-pc/laufwerksfreigabe-verweigert/ntfs-berechtigungen-fehlen/':
    '/de/troubleshooter/windows-pc/laufwerksfreigabe-verweigert/',
  '/de/troubleshooter/windows-pc/leeres-kennwort-kein-zugriff/leeres-kennwort-netzwerkanmeldung/':
    '/de/troubleshooter/windows-pc/leeres-kennwort-kein-zugriff/',
  '/de/troubleshooter/windows-pc/microsoft-konto-kein-zugriff/gastfreigabe-microsoft-konto/':
    '/de/troubleshooter/windows-pc/microsoft-konto-kein-zugriff/',
  '/de/troubleshooter/windows-pc/netzwerk-weg-nach-update/firewall-blockiert-ics/':
    '/de/troubleshooter/windows-pc/netzwerk-weg-nach-update/',
  '/de/troubleshooter/windows-pc/netzwerk-weg-nach-update/lokales-konto-beschaedigt/':
    '/de/troubleshooter/windows-pc/netzwerk-weg-nach-update/',
  '/de/troubleshooter/windows-pc/registrywert-nicht-vorhanden/registrywert-muss-angelegt-werden/':
    '/de/troubleshooter/windows-pc/registrywert-nicht-vorhanden/',
  '/en/troubleshooter/nas/guest-access-blocked/insecure-guest-logons-blocked/':
    '/en/troubleshooter/nas/guest-access-blocked/',
  '/en/troubleshooter/nas/guest-access-blocked/smb-signing-required/': '/en/troubleshooter/nas/guest-access-blocked/',
  '/en/troubleshooter/nas/registry-value-not-found/registry-value-must-be-created/':
    '/en/troubleshooter/nas/registry-value-not-found/',
  '/en/troubleshooter/nas/samba-access-denied/samba-unix-permissions/': '/en/troubleshooter/nas/samba-access-denied/',
  '/en/troubleshooter/nas/smb1-share-not-secure/smb1-removed/': '/en/troubleshooter/nas/smb1-share-not-secure/',
  '/en/troubleshooter/samba/guest-access-blocked/insecure-guest-logons-blocked/':
    '/en/troubleshooter/samba/guest-access-blocked/',
  '/en/troubleshooter/samba/guest-access-blocked/smb-signing-required/':
    '/en/troubleshooter/samba/guest-access-blocked/',
  '/en/troubleshooter/samba/samba-access-denied/samba-unix-permissions/':
    '/en/troubleshooter/samba/samba-access-denied/',
  '/en/troubleshooter/samba/smb1-share-not-secure/smb1-removed/': '/en/troubleshooter/samba/smb1-share-not-secure/',
  '/en/troubleshooter/windows-pc/admin-shares-access-denied/uac-remote-restrictions/':
    '/en/troubleshooter/windows-pc/admin-shares-access-denied/',
  '/en/troubleshooter/windows-pc/blank-password-no-network-access/blank-password-network-logon/':
    '/en/troubleshooter/windows-pc/blank-password-no-network-access/',
  '/en/troubleshooter/windows-pc/credentials-prompt-rejects-password/blank-password-network-logon/':
    '/en/troubleshooter/windows-pc/credentials-prompt-rejects-password/',
  '/en/troubleshooter/windows-pc/credentials-prompt-rejects-password/credentials-of-sharing-pc-expected/':
    '/en/troubleshooter/windows-pc/credentials-prompt-rejects-password/',
  '/en/troubleshooter/windows-pc/guest-access-blocked/insecure-guest-logons-blocked/':
    '/en/troubleshooter/windows-pc/guest-access-blocked/',
  '/en/troubleshooter/windows-pc/guest-access-blocked/smb-signing-required/':
    '/en/troubleshooter/windows-pc/guest-access-blocked/',
  '/en/troubleshooter/windows-pc/homegroup-cannot-join-or-leave/homegroup-removed/':
    '/en/troubleshooter/windows-pc/homegroup-cannot-join-or-leave/',
  '/en/troubleshooter/windows-pc/microsoft-account-no-access/guest-share-microsoft-account/':
    '/en/troubleshooter/windows-pc/microsoft-account-no-access/',
  '/en/troubleshooter/windows-pc/network-lost-after-update/damaged-local-account/':
    '/en/troubleshooter/windows-pc/network-lost-after-update/',
  '/en/troubleshooter/windows-pc/network-lost-after-update/firewall-blocks-ics/':
    '/en/troubleshooter/windows-pc/network-lost-after-update/',
  '/en/troubleshooter/windows-pc/registry-value-not-found/registry-value-must-be-created/':
    '/en/troubleshooter/windows-pc/registry-value-not-found/',
  '/en/troubleshooter/windows-pc/shared-folder-network-error/insecure-guest-logons-blocked/':
    '/en/troubleshooter/windows-pc/shared-folder-network-error/',
  '/en/troubleshooter/windows-pc/shared-folder-network-error/sharing-wizard-off/':
    '/en/troubleshooter/windows-pc/shared-folder-network-error/',
  '/en/troubleshooter/windows-pc/whole-drive-share-fails/ntfs-permissions-missing/':
    '/en/troubleshooter/windows-pc/whole-drive-share-fails/',
};

/** The redirect for a request path, with or without the trailing slash of a page. */
export function redirectFor(path: string, redirects: Record<string, string> = REDIRECTS): string | undefined {
  return Object.hasOwn(redirects, path)
    ? redirects[path]
    : Object.hasOwn(redirects, `${path}/`)
      ? redirects[`${path}/`]
      : undefined;
}

/**
 * Short links /kb/<id> as forums, chats and mail programs mangle them: an auto-linker takes the
 * sentence's full stop or closing bracket into the link, a reader types capitals, a slash is added.
 * Everything after the id that is not a letter or digit is dropped and the id is lower-cased; ids
 * are lower-case letters, digits and single hyphens, so no real id is lost. nginx runs this very
 * pattern (deploy/nginx.conf, a regex map), the local server calls shortLinkId().
 */
export const SHORT_LINK_PATTERN = '^/kb/([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)[^A-Za-z0-9]*$';
const SHORT_LINK = new RegExp(SHORT_LINK_PATTERN);

/** The article id a /kb/ request path names (decoded path), or undefined when it names none. */
export function shortLinkId(path: string): string | undefined {
  return SHORT_LINK.exec(path)?.[1].toLowerCase();
}

/**
 * The trailing characters a host without regular expressions (a `_redirects` file) is given one
 * rule each for: what forum auto-linkers were seen to swallow. Other variants reach the 404 page,
 * whose script repeats shortLinkId() in the browser.
 */
export const SHORT_LINK_SUFFIXES: readonly string[] = ['.', ',', ')', '!'];

/** The languages with their own 404 page; one per language folder of the site. */
export const NOT_FOUND_LANGS = ['de', 'en'] as const;
/** The 404 page for any other path: it reads the language from the address in the browser. */
export const DEFAULT_NOT_FOUND_PAGE = '/404.html';

/** The page a missing path is answered with: the 404 page of its language folder. */
export function notFoundPage(path: string): string {
  const lang = NOT_FOUND_LANGS.find((l) => path.startsWith(`/${l}/`));
  return lang ? notFoundPagePath(lang) : DEFAULT_NOT_FOUND_PAGE;
}

/** Address of a language's 404 page (Astro builds it as <lang>/404/index.html). */
export function notFoundPagePath(lang: string): string {
  return `/${lang}/404/`;
}
