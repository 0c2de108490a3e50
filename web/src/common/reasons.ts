import type { TFunction } from 'i18next';

/**
 * The API words its matching reasons in the language the console asks for (Accept-Language), so
 * most reasons arrive ready to show; these patterns only translate wordings an older API sent in
 * English. Anything else is shown as given.
 */
export function reasonText(t: TFunction, reason: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d+) km from home region(, outside all avoided regions)?$/.exec(reason))) {
    return m[2] ? t('reason.farFromHomeAvoided', { km: m[1] }) : t('reason.farFromHome', { km: m[1] });
  }
  if ((m = /^own region \((.+)\)$/.exec(reason))) return t('reason.ownRegion', { region: m[1] });
  if ((m = /^(\d+) km from (.+) \((.+)\)$/.exec(reason))) return t('reason.distanceFrom', { km: m[1], home: m[2], region: m[3] });
  if (reason === 'preferred region') return t('reason.preferred');
  if ((m = /^fits .+ in (one unit|(\d+) units)$/.exec(reason))) return t('reason.fits', { count: m[2] ? Number(m[2]) : 1 });
  if (reason === 'emergency bed, intake 24/7') return t('reason.emergency');
  if (/^status confirmed /.test(reason)) return t('reason.statusConfirmed');
  if ((m = /^staff speak (.+)$/.exec(reason))) return t('reason.languages', { languages: m[1] });
  return reason;
}
