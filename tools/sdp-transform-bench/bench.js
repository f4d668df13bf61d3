// Times sdp-transform's parse() on the files given, the way the kit's report times Sdp.parse:
// a warm-up, then ROUNDS rounds that each parse every file REPEAT times. Prints one JSON line:
// {"parser": "sdp-transform x.y.z", "files": n, "chars": per round, "mcharsPerSecond": [one per round]}.
// With --serve it warms up, prints {"parser": …, "ready": true}, then times one round for each
// line read on standard input and answers {"mcharsPerSecond": x}: the kit's benchmark asks for
// its rounds between its own, so that both parsers see the same load.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const transform = require('sdp-transform');

const args = process.argv.slice(2);
let rounds = 10, repeat = 50, serve = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = parseInt(args[++i], 10);
  else if (args[i] === '--repeat') repeat = parseInt(args[++i], 10);
  else if (args[i] === '--serve') serve = true;
  else files.push(args[i]);
}
if (files.length === 0 || !(rounds > 0) || !(repeat > 0)) {
  console.error('usage: node bench.js [--rounds N] [--repeat N] [--serve] FILE.sdp...');
  process.exit(2);
}
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);
const version = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('sdp-transform')), '..', 'package.json'), 'utf8')).version;
const parser = 'sdp-transform ' + version;
let sink = 0;

// M chars/s of one round, by the clock and by the process's CPU time (all its threads)
function timed() {
  const c0 = process.cpuUsage(), t0 = process.hrtime.bigint();
  for (let k = 0; k < repeat; k++) for (const t of texts) sink += transform.parse(t).media.length;
  const ns = Number(process.hrtime.bigint() - t0), cpu = process.cpuUsage(c0);
  return {wall: chars * repeat / (ns / 1e9) / 1e6, cpu: chars * repeat / ((cpu.user + cpu.system) / 1e6) / 1e6,
    cpuMicros: cpu.user + cpu.system};
}
const round = () => timed().wall;

for (let w = 0; w < Math.max(20, repeat); w++) for (const t of texts) sink += transform.parse(t).media.length;
if (serve) {
  // warm up as long as the kit does (3 s of CPU time, at most 60 s by the clock), then answer one round per request
  const c0 = process.cpuUsage(), until = Date.now() + 60000;
  while (Date.now() < until) {
    round();
    const c = process.cpuUsage(c0);
    if (c.user + c.system > 3e6) break;
  }
  console.log(JSON.stringify({parser, files: files.length, chars, repeat, ready: true}));
  const rl = readline.createInterface({input: process.stdin});
  rl.on('line', () => {
    const r = timed();
    console.log(JSON.stringify({mcharsPerSecond: r.wall, mcharsPerCpuSecond: r.cpu, cpuMicros: r.cpuMicros, sink}));
  });
} else {
  const results = [];
  for (let r = 0; r < rounds; r++) results.push(round());
  console.log(JSON.stringify({parser, files: files.length, chars, repeat, sink, mcharsPerSecond: results}));
}
