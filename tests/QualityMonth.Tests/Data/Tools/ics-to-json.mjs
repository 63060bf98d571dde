// Parses iCalendar files with ical.js (Mozilla's RFC 5545 parser) and prints what they say as JSON:
// node ics-to-json.mjs FILE... → { "FILE": { "properties": {...}, "events": [...] } }.
// A file ical.js cannot parse makes it throw, and the process exit non-zero.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = (component, name) => component.getFirstPropertyValue(name)?.toString() ?? null;
const time = (component, name) => {
  const value = component.getFirstPropertyValue(name);
  return value ? { value: value.toString(), isDate: value.isDate } : null;
};

const calendars = {};
for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  calendars[file] = {
    properties: Object.fromEntries(calendar.getAllProperties().map(p => [p.name, p.getFirstValue().toString()])),
    events: calendar.getAllSubcomponents('vevent').map(event => ({
      uid: text(event, 'uid'),
      summary: text(event, 'summary'),
      summaryLanguage: event.getFirstProperty('summary')?.getParameter('language') ?? null,
      description: text(event, 'description'),
      url: text(event, 'url'),
      location: text(event, 'location'),
      transp: text(event, 'transp'),
      start: time(event, 'dtstart'),
      end: time(event, 'dtend'),
      stamp: time(event, 'dtstamp'),
      sequence: event.getFirstPropertyValue('sequence'),
      categories: event.getFirstProperty('categories')?.getValues() ?? [],
      precision: text(event, 'x-qualitymonth-date-precision'),
      hash: text(event, 'x-qualitymonth-hash'),
    })),
  };
}
console.log(JSON.stringify(calendars));
