import type { FormField } from './model';

/** What is on record of an online application portal's screens, and where it comes from. */
export interface PortalOrder {
  portal: string;
  source: string;
  /** Fields (by key prefix) the portal asks for in a section of its own after all the others. */
  lastSections: readonly string[];
}

/**
 * The portals whose order of screens is known. VIDEX (Germany) lists its sections as personal data,
 * parents or legal guardian, ID number and travel documents, home address, residence, travel data,
 * entry permit, costs, sponsor, and last "Information regarding the citizen of the EU, EEA or
 * Switzerland": the form's order except fields 17-18, which come at the end. France-Visas,
 * visaonweb and the Swiss portal: no screen order on record (docs/forms/wording.md).
 */
export const PORTAL_ORDERS: Readonly<Record<string, PortalOrder>> = {
  DEU: {
    portal: 'VIDEX',
    source: "https://videx.diplo.de/videx/ (the form's section list)",
    lastSections: ['eu_family_'],
  },
};

/** The fields in the order the country's portal asks for them, and whether that order is known. */
export function onlineOrder(
  country: string,
  fields: readonly FormField[],
): { fields: FormField[]; portal: string | null } {
  const order = PORTAL_ORDERS[country];
  if (!order) return { fields: [...fields], portal: null };
  const section = (f: FormField) => order.lastSections.findIndex((prefix) => f.key.startsWith(prefix));
  const rest = fields.filter((f) => section(f) === -1);
  const last = order.lastSections.flatMap((_, i) => fields.filter((f) => section(f) === i));
  return { fields: [...rest, ...last], portal: order.portal };
}
