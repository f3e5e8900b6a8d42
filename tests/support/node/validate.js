// Microsoft's own validators for what the Teams adapter produces, for the Python tests.
//
// One process checks many documents: each line on stdin is a JSON request
//   {"id": 1, "kind": "card" | "manifest" | "localization", "document": {...}, "version": "1.30"}
// and each answer is one line on stdout: {"id": 1, "errors": ["...", ...]} (empty: valid).
// {"kind": "versions"} answers {"versions": [...]}: the manifest versions whose schema is bundled.
//
// card          parsed by the Adaptive Cards library (npm adaptivecards) for schema 1.5, the
//               newest Teams renders: parse and validation events, and any property the library
//               drops when it reads the card (a typo such as "wrapp" is silently ignored by every
//               renderer, so it is reported here).
// manifest      the Teams app manifest against the JSON schema of its manifestVersion, as
//               bundled by @microsoft/app-manifest (never fetched: the bundled file or an error).
// localization  a localization file against the same version's localization schema.
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
// The package's "main" (lib/) is ES modules with extension-less imports that Node cannot load;
// dist/ is the same library bundled as one UMD file.
const AC = require("adaptivecards/dist/adaptivecards.js");
const { AppManifestUtils } = require("@microsoft/app-manifest");
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const TEAMS_CARD_VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"];
const SCHEMAS = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build",
  "json-schemas",
  "teams",
);

function checkCard(card) {
  const errors = [];
  if (!TEAMS_CARD_VERSIONS.includes(card.version)) {
    errors.push(`version ${JSON.stringify(card.version)}: Teams renders Adaptive Cards up to 1.5`);
  }
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    errors.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    errors.push(`validate: ${event.message}`);
  }
  const written = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  dropped(card, written, "", errors);
  return errors;
}

// Every property we wrote must survive the library's own read and write.
function dropped(given, kept, where, errors) {
  if (Array.isArray(given)) {
    given.forEach((item, i) => dropped(item, Array.isArray(kept) ? kept[i] : undefined, `${where}[${i}]`, errors));
  } else if (given !== null && typeof given === "object") {
    for (const key of Object.keys(given)) {
      if (key === "$schema") continue;
      if (kept === null || typeof kept !== "object" || !(key in kept)) {
        errors.push(`unknown or invalid property ${where}.${key}: dropped by the library`);
      } else if (key !== "data") {
        // An action's data is ours and opaque to the library.
        dropped(given[key], kept[key], `${where}.${key}`, errors);
      }
    }
  }
}

function schemaFor(version, file) {
  const schema = path.join(SCHEMAS, `v${version}`, file);
  if (!/^\d+\.\d+$/.test(String(version)) || !fs.existsSync(schema)) {
    return null;
  }
  return JSON.parse(fs.readFileSync(schema, "utf8"));
}

async function checkManifest(manifest) {
  const version = manifest.manifestVersion;
  const schema = schemaFor(version, "MicrosoftTeams.schema.json");
  if (schema === null) {
    return [`manifestVersion ${JSON.stringify(version)}: no bundled schema (have ${bundled().join(", ")})`];
  }
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const errors = manifest.$schema === expected ? [] : [`$schema should be ${expected}`];
  return errors.concat(await AppManifestUtils.validateAgainstSchema(manifest, schema));
}

// The package's own helper cannot compile this schema: two of its key patterns ("\\b]") are
// invalid as Unicode regular expressions, which ajv uses by default. Same checker otherwise.
function checkLocalization(document, version) {
  const schema = schemaFor(version, "MicrosoftTeams.Localization.schema.json");
  if (schema === null) {
    return [`no bundled localization schema for manifest version ${JSON.stringify(version)}`];
  }
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return validate.errors.map((e) => `${e.instancePath} ${e.message}. Details: ${JSON.stringify(e.params)}`);
}

function bundled() {
  return fs
    .readdirSync(SCHEMAS)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => a.split(".")[1] - b.split(".")[1]);
}

async function answer(request) {
  switch (request.kind) {
    case "card":
      return { errors: checkCard(request.document) };
    case "manifest":
      return { errors: await checkManifest(request.document) };
    case "localization":
      return { errors: checkLocalization(request.document, request.version) };
    case "versions":
      return { versions: bundled() }; // the manifest versions this package can check
    default:
      return { errors: [`unknown kind ${JSON.stringify(request.kind)}`] };
  }
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request = { id: null };
    let result;
    try {
      request = JSON.parse(line);
      result = await answer(request);
    } catch (error) {
      result = { errors: [`validator failed: ${error && error.stack ? error.stack : error}`] };
    }
    process.stdout.write(JSON.stringify({ id: request.id, ...result }) + "\n");
  }
}

main();
