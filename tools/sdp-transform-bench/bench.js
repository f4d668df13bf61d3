// Times sdp-transform's parse() on the files given, the way the kit's report times Sdp.parse:
// a warm-up, then ROUNDS rounds that each parse every file REPEAT times. Prints one JSON line:
// {"parser": "sdp-transform x.y.z", "files": n, "chars": per round, "mcharsPerSecond": [one per round]}.
'use strict';
const fs = require('fs');
const path = require('path');
const transform = require('sdp-transform');

const args = process.argv.slice(2);
let rounds = 10, repeat = 50;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = parseInt(args[++i], 10);
  else if (args[i] === '--repeat') repeat = parseInt(args[++i], 10);
  else files.push(args[i]);
}
if (files.length === 0 || !(rounds > 0) || !(repeat > 0)) {
  console.error('usage: node bench.js [--rounds N] [--repeat N] FILE.sdp...');
  process.exit(2);
}
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);
let sink = 0;
for (let w = 0; w < Math.max(20, repeat); w++) for (const t of texts) sink += transform.parse(t).media.length;
const results = [];
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < repeat; k++) for (const t of texts) sink += transform.parse(t).media.length;
  const ns = Number(process.hrtime.bigint() - t0);
  results.push(chars * repeat / (ns / 1e9) / 1e6);
}
const version = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('sdp-transform')), '..', 'package.json'), 'utf8')).version;
console.log(JSON.stringify({parser: 'sdp-transform ' + version, files: files.length, chars, repeat, sink, mcharsPerSecond: results}));
