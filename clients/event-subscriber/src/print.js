// What the subscriber prints: one readable line per event and, for released results, the figures. The printer
// knows a few field names of the results (sections, items, participation) but prints any other field too, so a
// property added to an event later shows up without a change here.

const PREFIX = 'org.partnershippulse.public.';

export function shortType(type) {
  return typeof type === 'string' && type.startsWith(PREFIX) ? type.slice(PREFIX.length) : String(type);
}

/** One line: time, type, key, the event's scalar fields (ids shortened), and whether it validated. */
export function eventLine(event, errors) {
  const data = event && typeof event.data === 'object' && event.data !== null ? event.data : {};
  const fields = Object.entries(data)
    .filter(([, v]) => v === null || typeof v !== 'object')
    .slice(0, 8)
    .map(([k, v]) => `${k}=${scalar(v)}`);
  const nested = Object.entries(data).filter(([, v]) => v !== null && typeof v === 'object').map(([k]) => k);
  if (nested.length) fields.push(`[${nested.join(', ')}]`);
  const status = errors.length ? `INVALID (${errors.length}): ${errors.slice(0, 3).join('; ')}` : 'valid';
  return `${event?.time ?? '-'}  ${shortType(event?.type).padEnd(26)} key=${short(event?.partitionkey)}  ${fields.join(' ')}  | ${status}`;
}

/** The released results of a round, section by section, as indented lines. */
export function resultLines(data) {
  const lines = [];
  const release = data.release ?? {};
  const participation = data.participation ?? {};
  lines.push(`RESULTS of round ${data.title ? `"${data.title}" ` : ''}${data.roundId ?? ''} (partnership ${data.partnershipId ?? '?'})`
    + (release.number !== undefined ? `, release ${release.number}` : '')
    + (release.cutAt ? ` cut ${release.cutAt}` : '')
    + (data.minimumGroupSize !== undefined ? `, minimum group size ${data.minimumGroupSize}` : ''));
  if (participation.responded !== undefined) {
    lines.push(`  responded ${participation.responded}${participation.invited !== undefined ? ` of ${participation.invited}` : ''}`
      + (typeof participation.rate === 'number' ? ` (${Math.round(participation.rate * 100)}%)` : ''));
  }
  for (const [name, groups] of Object.entries(participation)) {
    if (Array.isArray(groups) && groups.length) {
      lines.push(`  ${name}: ${groups.map((g) => `${g.group ?? g.key ?? '?'} ${g.responded ?? g.responses ?? g.count ?? '?'}`).join(', ')}`);
    }
  }
  const shown = new Set(['roundId', 'partnershipId', 'title', 'release', 'participation', 'minimumGroupSize', 'sections', 'items']);
  for (const section of Array.isArray(data.sections) ? data.sections : []) {
    lines.push(`  section ${section.key ?? '?'}${section.title ? ` "${text(section.title)}"` : ''}: ${figures(section, ['key', 'title', 'items'])}`);
    const items = Array.isArray(section.items) ? section.items
      : (Array.isArray(data.items) ? data.items.filter((i) => i.sectionKey === section.key) : []);
    for (const item of items) lines.push(`    item ${item.itemKey ?? item.key ?? '?'}: ${figures(item, ['itemKey', 'key', 'sectionKey', 'text'])}`);
  }
  if (!Array.isArray(data.sections) && Array.isArray(data.items)) {
    for (const item of data.items) lines.push(`    item ${item.itemKey ?? item.key ?? '?'}: ${figures(item, ['itemKey', 'key', 'text'])}`);
  }
  // anything else the publisher added (breakdowns, highlights, …), printed as it is
  for (const [key, value] of Object.entries(data)) {
    if (!shown.has(key)) lines.push(`  ${key}: ${compact(value)}`);
  }
  return lines;
}

function figures(o, skip) {
  return Object.entries(o).filter(([k]) => !skip.includes(k)).map(([k, v]) => {
    if (Array.isArray(v) && v.every((d) => d && typeof d === 'object' && 'count' in d)) {
      return `${k} ${v.map((d) => `${d.value ?? d.label ?? '?'}=${d.count}`).join(' ')}`;
    }
    return `${k} ${typeof v === 'number' ? round(v) : compact(v)}`;
  }).join(', ');
}

function compact(v) {
  const s = typeof v === 'string' ? v : JSON.stringify(v, (k, x) => (typeof x === 'number' ? round(x) : x));
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

function text(t) {
  return typeof t === 'object' && t !== null ? (t.en ?? Object.values(t)[0]) : t;
}

function round(n) {
  return Number.isInteger(n) ? n : Math.round(n * 1000) / 1000;
}

function scalar(v) {
  if (typeof v === 'string') return /^[0-9a-f-]{36}$/i.test(v) ? short(v) : JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return String(v);
}

function short(id) {
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? `${id.slice(0, 8)}…` : String(id ?? '-');
}
