// The Teams app package: built by manifest/build-package.sh, read back from the zip the way Teams receives it,
// checked against the manifest schema bundled in @microsoft/app-manifest (no network), and its icons decoded.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateRawSync, inflateSync } from 'node:zlib';

// @microsoft/app-manifest 1.1.2 loads fs-extra without declaring it as a dependency; package.json pins fs-extra
// for it. Drop that pin once the package declares its own.
import { AppManifestUtils } from '@microsoft/app-manifest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildScript = join(repoRoot, 'manifest', 'build-package.sh');
const TEST_APP_ID = '6F1C2D3E-4A5B-4C6D-8E7F-0123456789AB';
const COMMANDS = ['start', 'grow', 'egan', 'aligraham', 'actions', 'history', 'reflect', 'help', 'cancel'];
const SCRIPT_ENV_KEYS = [
  'BOT_APP_ID', 'TEAMS_APP_ID', 'TEAMS_APP_VERSION', 'TEAMS_APP_DEVELOPER_NAME', 'TEAMS_APP_WEBSITE_URL',
  'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL', 'PACKAGE_OUT_DIR', 'PACKAGE_ZIP_TOOL',
];

const scratch = mkdtempSync(join(tmpdir(), 'coachingbot-manifest-'));
let outputCount = 0;
const freshOutDir = () => join(scratch, `out-${++outputCount}`);

// Runs the build script with only the environment a test gives it, whatever the developer's shell has set.
function build(args, env = {}) {
  const base = { ...process.env };
  for (const key of SCRIPT_ENV_KEYS) delete base[key];
  return spawnSync('bash', [buildScript, ...args], { env: { ...base, ...env }, encoding: 'utf8' });
}

function buildOk(args, env) {
  const run = build(args, env);
  assert.equal(run.status, 0, `build-package.sh failed:\n${run.stderr}`);
  return run;
}

// Reads every entry of a zip (stored or deflated) through its central directory, as an unzipper does.
function readZip(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'no end-of-central-directory record: not a zip');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const packedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(bytes.readUInt32LE(localOffset), 0x04034b50, `bad local header for ${name}`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const packed = bytes.subarray(dataStart, dataStart + packedSize);
    assert.ok(method === 0 || method === 8, `${name}: compression method ${method} is neither stored nor deflate`);
    const data = method === 0 ? Buffer.from(packed) : inflateRawSync(packed);
    assert.equal(data.length, size, `${name}: size differs from the directory's`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

// Decodes an 8-bit RGBA, non-interlaced PNG (what manifest/generate-icons.mjs writes) to raw RGBA bytes;
// anything else is reported, not guessed at. All five scanline filters are undone, so a re-saved icon still reads.
function decodePng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  let at = 8;
  let header;
  const data = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    assert.equal(bytes.readUInt32BE(at + 8 + length), crc32(bytes.subarray(at + 4, at + 8 + length)), `${type}: bad CRC`);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colorType: body[9], interlace: body[12],
      };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  assert.ok(header, 'no IHDR chunk');
  assert.equal(header.bitDepth, 8, 'expected 8 bits per channel');
  assert.equal(header.colorType, 6, 'expected colour type 6 (RGBA)');
  assert.equal(header.interlace, 0, 'expected no interlacing');
  const { width, height } = header;
  const stride = width * 4;
  const raw = inflateSync(Buffer.concat(data));
  assert.equal(raw.length, (stride + 1) * height, 'image data has the wrong length');
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      let predictor;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default: assert.fail(`row ${y}: unknown filter ${filter}`);
      }
      rgba[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

// The words the bot itself answers to, from src: each Command member's own name, as Commands.Parse maps it.
function botCommandWords() {
  const source = readFileSync(join(repoRoot, 'src', 'CoachingBot', 'Chat', 'Command.cs'), 'utf8');
  const members = source.match(/enum Command\s*\{([^}]*)\}/)?.[1]
    .split(',').map((member) => member.trim()).filter((member) => member && member !== 'None');
  assert.ok(members?.length, 'could not read enum Command from Command.cs');
  const words = [...source.matchAll(/\["([^"]+)"\]\s*=\s*Command\.(\w+)/g)]
    .filter(([, word, member]) => word === member.toLowerCase())
    .map(([, word]) => word);
  assert.deepEqual(new Set(words), new Set(members.map((member) => member.toLowerCase())),
    'every Command should be reachable by its own name in Commands.Parse');
  return words;
}

let packaged;

before(() => {
  const outDir = freshOutDir();
  buildOk(['--out', outDir, TEST_APP_ID]);
  const entries = readZip(readFileSync(join(outDir, 'appPackage.zip')));
  packaged = {
    outDir,
    entries,
    manifest: JSON.parse(entries.get('manifest.json').toString('utf8')),
  };
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('app package', () => {
  for (const tool of ['zip', 'python3', 'node']) {
    const present = spawnSync('bash', ['-c', `command -v ${tool}`]).status === 0;
    test(`holds exactly the manifest and both icons at its root when zipped with ${tool}`, { skip: !present && `${tool} is not installed` }, () => {
      const outDir = freshOutDir();
      buildOk(['--out', outDir, TEST_APP_ID], { PACKAGE_ZIP_TOOL: tool });
      const entries = readZip(readFileSync(join(outDir, 'appPackage.zip')));
      assert.deepEqual([...entries.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
      assert.deepEqual(entries.get('color.png'), readFileSync(join(repoRoot, 'manifest', 'color.png')));
      assert.deepEqual(entries.get('manifest.json'), readFileSync(join(outDir, 'manifest.json')));
    });
  }

  test('replaces an earlier package instead of adding to it', () => {
    const outDir = freshOutDir();
    buildOk(['--out', outDir, '--version', '1.0.0', TEST_APP_ID]);
    buildOk(['--out', outDir, '--version', '1.0.1', TEST_APP_ID]);
    const entries = readZip(readFileSync(join(outDir, 'appPackage.zip')));
    assert.equal(entries.size, 3);
    assert.equal(JSON.parse(entries.get('manifest.json')).version, '1.0.1');
  });
});

describe('manifest', () => {
  test('passes the bundled schema of its manifest version, with no network', async (t) => {
    const { manifest } = packaged;
    assert.equal(manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    const packageRoot = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
    assert.ok(existsSync(join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json')),
      `@microsoft/app-manifest bundles no schema for manifest version ${manifest.manifestVersion}`);
    // fetchSchema reads the bundled copy; were it ever to go to the network instead, this makes the test fail.
    t.mock.method(globalThis, 'fetch', () => { throw new Error('the schema must come from the package, not the network'); });
    const schema = await AppManifestUtils.fetchSchema(manifest.$schema);

    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest, schema), []);
    // The validator is not vacuous: the same schema rejects a bot id that is not a GUID.
    const broken = structuredClone(manifest);
    broken.bots[0].botId = 'not-a-guid';
    assert.notDeepEqual(await AppManifestUtils.validateAgainstSchema(broken, schema), []);
  });

  test('carries the bot app id, lower-cased, as both the app id and the bot id by default', () => {
    assert.equal(packaged.manifest.id, TEST_APP_ID.toLowerCase());
    assert.equal(packaged.manifest.bots[0].botId, TEST_APP_ID.toLowerCase());
  });

  test('takes the app id from BOT_APP_ID and the other values from the environment', () => {
    const outDir = freshOutDir();
    const teamsAppId = '0a1b2c3d-1111-4222-8333-444455556666';
    buildOk(['--out', outDir], {
      BOT_APP_ID: TEST_APP_ID,
      TEAMS_APP_ID: teamsAppId,
      TEAMS_APP_VERSION: '2.3.4',
      TEAMS_APP_DEVELOPER_NAME: 'Contoso Coaching',
      TEAMS_APP_WEBSITE_URL: 'https://coaching.contoso.com/help?from=teams&lang=en',
      TEAMS_APP_PRIVACY_URL: 'https://coaching.contoso.com/privacy',
      TEAMS_APP_TERMS_URL: 'https://coaching.contoso.com/terms',
    });
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.id, teamsAppId);
    assert.equal(manifest.bots[0].botId, TEST_APP_ID.toLowerCase());
    assert.equal(manifest.version, '2.3.4');
    assert.deepEqual(manifest.developer, {
      name: 'Contoso Coaching',
      websiteUrl: 'https://coaching.contoso.com/help?from=teams&lang=en',
      privacyUrl: 'https://coaching.contoso.com/privacy',
      termsOfUseUrl: 'https://coaching.contoso.com/terms',
    });
  });

  test('falls back to https placeholder URLs and says so', () => {
    const outDir = freshOutDir();
    const run = buildOk(['--out', outDir, '--privacy-url', 'https://coaching.contoso.com/privacy', TEST_APP_ID]);
    const { developer } = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    assert.match(developer.websiteUrl, /^https:\/\/example\.com\//);
    assert.equal(developer.privacyUrl, 'https://coaching.contoso.com/privacy');
    assert.match(developer.termsOfUseUrl, /^https:\/\/example\.com\//);
    assert.match(run.stderr, /placeholders used for the website, terms-of-use URL/);
  });

  test('lists the same commands the bot answers to, in personal and group chat', () => {
    const words = botCommandWords();
    const { bots } = packaged.manifest;
    assert.deepEqual(bots[0].scopes.toSorted(), ['groupChat', 'personal']);
    const scopes = bots[0].commandLists.flatMap((list) => list.scopes).toSorted();
    assert.deepEqual(scopes, ['groupChat', 'personal']);
    for (const list of bots[0].commandLists) {
      const titles = list.commands.map((command) => command.title);
      assert.deepEqual(titles, COMMANDS, `${list.scopes} command list`);
      assert.deepEqual(titles.toSorted(), words.toSorted(), `${list.scopes} command list against Command.cs`);
      for (const command of list.commands) assert.ok(command.description?.trim(), `${command.title} has no description`);
    }
  });

  test('says commands that are not built yet are coming, and only those', () => {
    const comingInBot = new Set(['reflect']);
    for (const list of packaged.manifest.bots[0].commandLists) {
      for (const { title, description } of list.commands) {
        assert.equal(/coming soon/i.test(description), comingInBot.has(title), `${list.scopes} ${title}: ${description}`);
      }
    }
  });

  test('has a short name that matches the mention the bot tells people to type', () => {
    const messages = readFileSync(join(repoRoot, 'src', 'CoachingBot', 'Chat', 'ChatTexts.resx'), 'utf8');
    const mentions = new Set([...messages.matchAll(/@(\w+)/g)].map(([, name]) => name));
    assert.deepEqual([...mentions], [packaged.manifest.name.short]);
  });

  test('tells people who sees what, and promises nothing the bot does not do yet', () => {
    const { full, short } = packaged.manifest.description;
    assert.match(full, /saved for you alone\. There is no coach or sponsor access yet\./);
    assert.match(full, /In a group chat, everything said is visible to everyone in that chat/);
    assert.match(full, /no reminder is sent/);
    assert.doesNotMatch(`${short}\n${full}`, /coach only|sponsors? sees?|a date to check in/i);
  });

  test('declares a conversational bot without file support', () => {
    const [bot] = packaged.manifest.bots;
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
  });
});

describe('icons', () => {
  test('colour icon is a 192x192 full-colour, fully opaque image', () => {
    const { width, height, rgba } = decodePng(packaged.entries.get(packaged.manifest.icons.color));
    assert.deepEqual([width, height], [192, 192]);
    const colours = new Set();
    for (let i = 0; i < rgba.length; i += 4) {
      assert.equal(rgba[i + 3], 255, `pixel ${i / 4} is not opaque`);
      colours.add(rgba.readUIntBE(i, 3));
    }
    assert.ok(colours.size >= 3, `only ${colours.size} colours: not a full-colour icon`);
  });

  test('outline icon is 32x32, white on transparent', () => {
    const { width, height, rgba } = decodePng(packaged.entries.get(packaged.manifest.icons.outline));
    assert.deepEqual([width, height], [32, 32]);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = rgba.subarray(i, i + 4);
      if (a === 0) {
        transparent++;
        continue;
      }
      assert.deepEqual([r, g, b], [255, 255, 255], `pixel (${(i / 4) % 32}, ${Math.floor(i / 128)}) is visible but not white`);
      if (a === 255) opaque++;
    }
    // Both must be plentiful: an all-clear or all-white square would pass the colour check alone.
    assert.ok(opaque >= 100, `only ${opaque} opaque pixels`);
    assert.ok(transparent >= 300, `only ${transparent} transparent pixels`);
  });

  test('the decoder reads each scanline filter, so a re-saved icon is judged fairly', () => {
    // 2x2 RGBA image, row 0 with Sub (1) and row 1 with Paeth (4), hand-encoded.
    const pixels = [[10, 20, 30, 255], [15, 25, 35, 255], [12, 22, 32, 255], [20, 30, 40, 128]];
    const row0 = [1, ...pixels[0], ...pixels[1].map((v, c) => (v - pixels[0][c]) & 0xff)];
    const paeth = (a, b, c) => {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    const row1 = [4,
      ...pixels[2].map((v, c) => (v - paeth(0, pixels[0][c], 0)) & 0xff),
      ...pixels[3].map((v, c) => (v - paeth(pixels[2][c], pixels[1][c], pixels[0][c])) & 0xff)];
    const png = pngFromRaw(2, Buffer.from([...row0, ...row1]));
    assert.deepEqual([...decodePng(png).rgba], pixels.flat());
  });
});

describe('bad input', () => {
  const badAppIds = [
    ['missing', null],
    ['empty', ''],
    ['not a GUID', 'coachingbot'],
    ['a GUID in braces', `{${TEST_APP_ID}}`],
    ['a GUID with a trailing newline', `${TEST_APP_ID}\n`],
    ['a GUID one digit short', TEST_APP_ID.slice(0, -1)],
    ['the all-zero GUID', '00000000-0000-0000-0000-000000000000'],
    ['a client secret pasted by mistake', 'Xy8Q~s3cr3t.V4lue_that-must-not-leak'],
  ];
  for (const [label, appId] of badAppIds) {
    test(`fails clearly, writes nothing and echoes nothing when the app id is ${label}`, () => {
      const outDir = freshOutDir();
      const run = build(['--out', outDir], appId === null ? {} : { BOT_APP_ID: appId });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /^build-package\.sh: the bot's app id (is required|must)/);
      if (appId) assert.ok(!run.stderr.includes(appId.trim()), 'the rejected value was echoed');
      assert.equal(existsSync(join(outDir, 'appPackage.zip')), false);
    });
  }

  const badOptions = [
    ['an http website URL', ['--website-url', 'http://coaching.contoso.com/']],
    ['a URL with a quote', ['--privacy-url', 'https://coaching.contoso.com/"x']],
    ['a URL with a space', ['--terms-url', 'https://coaching.contoso.com/a b']],
    ['a version that is not x.y.z', ['--version', '1.0']],
    ['a developer name over 32 characters', ['--developer-name', 'A'.repeat(33)]],
    ['a Teams app id that is not a GUID', ['--teams-app-id', 'teams-app']],
    ['an unknown option', ['--colour', 'teal']],
    ['an option without its value', ['--out']],
  ];
  for (const [label, args] of badOptions) {
    test(`fails with a message when given ${label}`, () => {
      const run = build([...args, TEST_APP_ID]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /^build-package\.sh: \S/);
    });
  }

  test('fails when asked for a zip tool it does not know', () => {
    const run = build(['--out', freshOutDir(), TEST_APP_ID], { PACKAGE_ZIP_TOOL: 'tar' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /PACKAGE_ZIP_TOOL must be zip, python3 or node/);
  });
});

// Wraps raw (already filtered) RGBA scanlines in a minimal PNG, for the decoder's own test.
function pngFromRaw(size, raw) {
  const chunk = (type, body) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const framed = Buffer.alloc(typed.length + 8);
    framed.writeUInt32BE(body.length, 0);
    typed.copy(framed, 4);
    framed.writeUInt32BE(crc32(typed), typed.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
