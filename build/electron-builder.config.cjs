// `npm run package`: installers for the current platform into release/. The main process and preload are
// bundled by Vite (dist-electron/) and the renderer is built to dist/, so the app needs no node_modules at run
// time: `files` lists exactly what goes into the ASAR.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.coldstartlab.app',
  productName: 'Cold Start Lab',
  copyright: 'Copyright © 2026 Cold Start Lab contributors',
  directories: { buildResources: 'build', output: 'release/${version}' },
  files: [
    'package.json',
    'dist/**/*',
    // main.js and the chunks it imports (the AWS SDK's credential providers are loaded with import()).
    'dist-electron/*.js',
    'dist-electron/preload.cjs',
    'build/icons/512x512.png',
    '!**/*.map',
    '!node_modules/**/*',
  ],
  asar: true,
  // Pure JavaScript: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  afterPack: './build/after-pack.cjs',
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Development',
    synopsis: 'Measure AWS Lambda cold starts',
    maintainer: 'Cold Start Lab contributors <maintainers@coldstartlab.dev>',
  },
  deb: { packageCategory: 'devel' },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.icns',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
  },
  dmg: { title: '${productName} ${version}' },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
