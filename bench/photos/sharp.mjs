// The anchor of run.sh: what most people would write with sharp to make the generator's photo outputs.
// Each photo: upright (EXIF), sRGB, metadata stripped (sharp's defaults), every width not above the photo
// in AVIF, WebP and JPEG at the generator's qualities, and the full-size JPEG; as many photos at once as cores.
// Where sharp's defaults differ from libvips' (which the generator keeps), the generator's choice is passed:
// AVIF with 4:2:0 chroma (sharp: 4:4:4), the full-size JPEG at Q 90 without chroma subsampling (sharp: 4:2:0).
// The full-size JPEG and every 1600-wide file are then byte-identical to the generator's; the narrower ones
// differ slightly, as sharp shrinks them while decoding (cheaper) and the generator from the decoded photo.
//
//   node sharp.mjs SOURCE_FOLDER OUTPUT_FOLDER
import { readdir, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

const [source, output] = process.argv.slice(2);
const widths = [480, 960, 1600];
const formats = [
  ['avif', (image) => image.avif({ quality: 55, effort: 4, bitdepth: 8, chromaSubsampling: '4:2:0' })],
  ['webp', (image) => image.webp({ quality: 78 })],
  ['jpg', (image) => image.jpeg({ quality: 82, progressive: true, optimiseCoding: true })],
];

async function photo(file) {
  const base = path.basename(file, '.jpg');
  const upright = sharp(file, { failOn: 'truncated' }).rotate();
  const { width } = await upright.clone().metadata();
  const jobs = [upright.clone().jpeg({ quality: 90, progressive: true, optimiseCoding: true, chromaSubsampling: '4:4:4' }).toFile(path.join(output, `${base}-full.jpg`))];
  for (const w of widths.filter((w) => w <= width)) {
    for (const [extension, encode] of formats) {
      jobs.push(encode(upright.clone().resize({ width: w, withoutEnlargement: true })).toFile(path.join(output, `${base}-${w}.${extension}`)));
    }
  }
  await Promise.all(jobs);
}

await mkdir(output, { recursive: true });
const files = (await readdir(source)).filter((f) => f.endsWith('.jpg')).map((f) => path.join(source, f));
let next = 0;
await Promise.all(Array.from({ length: availableParallelism() }, async () => {
  while (next < files.length) await photo(files[next++]);
}));
console.log(`sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}): ${files.length} photos`);
