// Run by CI before it builds the site for Pages: copies the live site's calendar of all activities
// (one per language) into a folder that the build then reads with --previous FOLDER, for the SEQUENCE
// numbers of the events it publishes (docs/data.md). Not the output folder itself: a build refuses to
// replace a non-empty folder it did not make (docs/check.md). A CI machine starts from an empty
// folder: without this, every deployment would start SEQUENCE again at 0, and calendar apps would
// keep the old version of an event that changed.
//
//   node scripts/fetch-published-calendars.mjs SITE_URL FOLDER
//
// SITE_URL is the address the site is live at, sub-path included (https://example.github.io/quality-month/).
// A calendar the site does not have yet (404: the first deployment) is skipped. Any other failure
// exits with 1, so that a deployment never restarts the numbers by accident.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [siteUrl, folder] = process.argv.slice(2);
if (!siteUrl || !folder) {
  console.error('usage: node scripts/fetch-published-calendars.mjs SITE_URL FOLDER');
  process.exit(2);
}

// The calendar of all activities of each language: /calendar/activities.ics, /en/calendar/activities.ics.
// statiq.json may hold comments, so the language prefixes are read with a pattern, not JSON.parse.
const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const settings = await readFile(path.join(repository, 'statiq.json'), 'utf8');
const prefixes = [...settings.matchAll(/"prefix"\s*:\s*"([^"]*)"/g)].map(match => match[1]);
const calendars = prefixes.map(prefix => (prefix ? `${prefix}/` : '') + 'calendar/activities.ics');

const base = siteUrl.endsWith('/') ? siteUrl : siteUrl + '/';
let failed = false;
for (const calendar of calendars) {
  const url = new URL(calendar, base);
  const response = await get(url);
  if (response === null) {
    failed = true;
  } else if (response.status === 404) {
    console.log(`${url}: not published yet; its events start at SEQUENCE 0`);
  } else if (!response.ok) {
    console.error(`${url}: the site answered ${response.status} ${response.statusText}`);
    failed = true;
  } else {
    const file = path.join(folder, calendar);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    console.log(`${url} → ${file}`);
  }
}
if (failed) {
  console.error('The published calendars could not be read: the build would restart their SEQUENCE numbers, so it stops here. Run it again later.');
  process.exit(1);
}

/** The response, after up to three tries when the host cannot be reached or answers 5xx; null when it never answered. */
async function get(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
      if (response.status < 500 || attempt === 3) return response;
    } catch (error) {
      if (attempt === 3) {
        console.error(`${url}: ${error.cause?.message ?? error.message}`);
        return null;
      }
    }
    await new Promise(resolve => setTimeout(resolve, attempt * 1000));
  }
}
