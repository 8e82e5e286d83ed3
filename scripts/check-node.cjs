// Run by `npm install` (preinstall) before anything else of the project runs. Plain CommonJS
// with no newer syntax, so that an old Node can run it far enough to say what is wrong:
// without it, an install on Node 20 succeeds and `npm start` fails later with
// "bad option: --experimental-strip-types".
'use strict';

var NEEDED = 22;
var version = process.versions.node;
var major = Number(version.split('.')[0]);

if (!(major >= NEEDED)) {
  process.stderr.write(
    '\nJobLens needs Node ' + NEEDED + ' or newer; this is Node ' + version + '.\n' +
      'Its scripts run TypeScript with node --experimental-strip-types, which older Node lacks.\n' +
      'Get Node ' + NEEDED + ': `nvm install` in this folder (it reads .nvmrc), or https://nodejs.org/en/download\n\n',
  );
  process.exit(1);
}
