// Builds Kith's front-end assets into assets/build/, which Django serves under /static/
// (STATICFILES_DIRS points at assets/build). Run with `npm ci && npm run build`.
//
// What it writes:
//   kith.css                 our Sass (GOV.UK Frontend + MOJ Frontend + Kith), compressed
//   govuk-frontend.min.js    copied from node_modules (an ES module)
//   moj-frontend.min.js      copied from node_modules (an ES module)
//   kith.js                  copied from assets/js (imports the two modules above)
//   kith-icon.svg            the favicon, copied from assets/images
//   assets/images/…          only the images the compiled CSS actually refers to
//
// No fonts are copied: Kith is not GOV.UK-branded, so the GDS Transport @font-face
// rules are switched off in the Sass and the CSS refers to no font files.

import { copyFileSync, mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "assets", "build");
const govukDist = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const mojDist = join(root, "node_modules", "@ministryofjustice", "frontend", "moj");

// Images the GOV.UK and MOJ stylesheets can refer to but that Kith must never show:
// the royal crest and crown belong to GOV.UK and the MOJ. Only the footer's
// `govuk-footer__copyright-logo` uses the crest, and Kith's footer does not.
const BRAND_IMAGES = new Set(["govuk-crest.svg"]);

function compileStyles() {
  // GOV.UK Frontend and MOJ Frontend raise deprecation @warn messages at each other
  // (MOJ still calls mixins GOV.UK has deprecated). They are not ours to fix, so they
  // are counted rather than printed; warnings from Kith's own Sass are printed.
  let dependencyWarnings = 0;
  const logger = {
    warn(message, { span, stack }) {
      // A @warn has no span, only a stack whose first line is where it was raised.
      const where = span?.url ? relative(root, fileURLToPath(span.url)) : (stack ?? "").split("\n")[0].trim();
      if (where.startsWith("node_modules/")) {
        dependencyWarnings += 1;
        return;
      }
      console.warn(`Sass warning: ${message}\n  ${where}`);
    },
  };
  const result = sass.compile(join(root, "assets", "scss", "kith.scss"), {
    // MOJ Frontend's Sass loads GOV.UK Frontend as "node_modules/govuk-frontend/…",
    // so the project root has to be a load path.
    loadPaths: [root],
    style: "compressed",
    quietDeps: true,
    logger,
  });
  if (dependencyWarnings) {
    console.log(`kith.css: ${dependencyWarnings} deprecation warnings from GOV.UK/MOJ Frontend hidden`);
  }
  return result.css;
}

// Copy every image the compiled CSS refers to, and fail the build if one cannot be
// found: a missing icon would otherwise only show up as a 404 in someone's browser.
function copyReferencedImages(css) {
  const urls = new Set();
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const url = match[1];
    if (url.startsWith("data:")) continue;
    if (!url.startsWith("assets/images/")) {
      throw new Error(`kith.css refers to ${url}, which is not under assets/images/`);
    }
    urls.add(url);
  }
  const missing = [];
  let copied = 0;
  for (const url of urls) {
    const name = url.slice("assets/images/".length);
    if (BRAND_IMAGES.has(name)) continue;
    const source = [join(mojDist, "assets", "images", name), join(govukDist, "assets", "images", name)].find(existsSync);
    if (!source) {
      missing.push(url);
      continue;
    }
    copyFileSync(source, join(out, url));
    copied += 1;
  }
  if (missing.length) {
    throw new Error(`kith.css refers to images that neither package provides: ${missing.join(", ")}`);
  }
  return copied;
}

function copyScripts() {
  // The source maps are copied too: the minified files end with a sourceMappingURL
  // comment, and Django's manifest storage (if ever used) fails on a missing map.
  const files = [
    [join(govukDist, "govuk-frontend.min.js"), "govuk-frontend.min.js"],
    [join(govukDist, "govuk-frontend.min.js.map"), "govuk-frontend.min.js.map"],
    [join(mojDist, "moj-frontend.min.js"), "moj-frontend.min.js"],
    [join(mojDist, "moj-frontend.min.js.map"), "moj-frontend.min.js.map"],
    [join(root, "assets", "js", "kith.js"), "kith.js"],
    // Kith's own favicon: GOV.UK's favicons are the crown, which Kith must not use.
    [join(root, "assets", "images", "kith-icon.svg"), "kith-icon.svg"],
  ];
  for (const [source, name] of files) copyFileSync(source, join(out, name));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets", "images"), { recursive: true });

const css = compileStyles();
// Guard the brand rule against a package upgrade quietly turning the font back on.
if (/GDS Transport|@font-face/.test(css)) {
  throw new Error("kith.css mentions GDS Transport or @font-face: Kith must not use the GOV.UK typeface");
}
writeFileSync(join(out, "kith.css"), css);
const images = copyReferencedImages(css);
copyScripts();
console.log(`assets/build: kith.css (${Math.round(css.length / 1024)} KiB, ${images} images), kith.js, kith-icon.svg, govuk-frontend.min.js, moj-frontend.min.js`);
