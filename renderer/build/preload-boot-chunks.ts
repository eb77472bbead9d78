import type { Plugin } from 'vite';

/** The modules whose chunks the page needs for its first paint, beside the entry (see main.tsx). */
const BOOT_MODULES = [/\/renderer\/src\/boot\/start\.tsx$/, /\/shared\/i18n\/ru\.ts$/];

interface BundleChunk {
  type: 'chunk' | 'asset';
  facadeModuleId?: string | null;
  imports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Adds a modulepreload link to index.html for the app's chunk (boot/start.tsx, imported dynamically
 * by the small entry), the chunks it imports, and the default language's text, and their styles as
 * stylesheets (else the dynamic import waits for them in a round of its own). The browser then
 * fetches them beside the entry instead of in a second round after it has run, and the Russian text
 * (the language of a first start) is there when the app renders. Another remembered language's text
 * is still fetched by the entry itself, at once.
 */
export function preloadBootChunks(): Plugin {
  return {
    name: 'tourdesk-preload-boot-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = (ctx.bundle ?? {}) as Record<string, BundleChunk>;
        const wanted = new Set<string>();
        const add = (file: string) => {
          if (wanted.has(file)) return;
          wanted.add(file);
          for (const imported of bundle[file]?.imports ?? []) add(imported);
        };
        for (const [file, chunk] of Object.entries(bundle))
          if (chunk.type === 'chunk' && BOOT_MODULES.some((m) => m.test(chunk.facadeModuleId ?? '')))
            add(file);
        if (wanted.size < BOOT_MODULES.length)
          throw new Error(`preload-boot-chunks: a boot chunk is missing (found ${[...wanted].join(', ')})`);
        const already = (file: string) => html.includes(`/${file}"`);
        const styles = [...wanted].flatMap((file) => [...(bundle[file]?.viteMetadata?.importedCss ?? [])]);
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        });
        const entry = /<script type="module" crossorigin src=/;
        if (!entry.test(html))
          throw new Error('preload-boot-chunks: the entry script tag is not where expected');
        return {
          // async: a deferred (module) script runs only once every stylesheet has arrived, and the
          // entry's whole job is to send the boot's requests at once (the styles still hold the paint).
          html: html.replace(entry, '<script type="module" async crossorigin src='),
          tags: [
            ...[...new Set(styles)].filter((file) => !already(file)).map((file) => link('stylesheet', file)),
            ...[...wanted].filter((file) => !already(file)).map((file) => link('modulepreload', file)),
          ],
        };
      },
    },
  };
}
