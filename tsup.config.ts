import { defineConfig } from 'tsup';

export default defineConfig({
  // The library, and the acd-sim command (package.json `bin`).
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
