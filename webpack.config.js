// Builds the task pane and the browser preview into dist/addin/, with the manifest rewritten for
// ADDIN_ORIGIN and validated before anything is built. Production: minified, content-hashed, vendor
// code and non-first tabs in own chunks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { EsbuildPlugin } from 'esbuild-loader';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { buildManifest } from './scripts/manifest-origin.mjs';
import { manifestProblems } from './scripts/validate-manifest.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
export const OUTPUT_DIR = path.join(root, 'dist', 'addin');

/** @param {Record<string, unknown>} _env @param {{ mode?: string }} argv */
export default async (_env, argv) => {
  const production = (argv.mode ?? 'production') === 'production';
  const manifest = buildManifest(process.env.ADDIN_ORIGIN);
  // Checking the manifest this build writes costs a tenth of a second and stops one Outlook would refuse.
  const problems = await manifestProblems(manifest, 'dist/addin/manifest.xml');
  if (problems.length > 0) throw new Error(`dist/addin/manifest.xml would be invalid:\n${problems.join('\n')}`);
  const target = 'es2020'; // what Outlook's WebView2 and Safari-based hosts run
  return {
    mode: production ? 'production' : 'development',
    context: root,
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './addin/index.tsx',
      preview: './addin/preview/main.tsx',
      // The Office dialog's sign-in page, for hosts without nested app authentication.
      authDialog: './addin/auth-dialog.ts',
      // The aged receivables report at full width (/workspace, or an Office dialog from the pane).
      workspace: './addin/workspace/main.tsx',
    },
    output: {
      path: OUTPUT_DIR,
      filename: production ? 'js/[name].[contenthash:10].js' : 'js/[name].js',
      chunkFilename: production ? 'js/[name].[contenthash:10].js' : 'js/[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target, jsx: 'automatic' },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target })],
      // Library code in its own long-cached chunks, split per need: the pane's first screen does not
      // load what only the preview or a lazily loaded tab uses.
      splitChunks: { chunks: 'all' },
      runtimeChunk: 'single',
    },
    // Size is checked gzipped by scripts/bundle-size.mjs against the 300 KB target.
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        template: './addin/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './addin/preview/preview.html',
        filename: 'preview.html',
        chunks: ['preview'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './addin/auth-dialog.html',
        filename: 'auth-dialog.html',
        chunks: ['authDialog'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './addin/workspace/workspace.html',
        filename: 'workspace.html',
        chunks: ['workspace'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: () => manifest },
        ],
      }),
    ],
    stats: 'errors-warnings',
  };
};
