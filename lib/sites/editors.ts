/**
 * Each site's editor side (lib/sites/<site>/editor.ts), by site: the compiler names a site left
 * out. Tests and the background read this list; each editor script imports its own site's only.
 */
import type { Site } from '../schemas/primitives';
import { facebookEditor } from './facebook/editor';
import type { EditingAdapter, SiteAdapter, SiteEditor } from './types';
import { xEditor } from './x/editor';

export const SITE_EDITORS: Readonly<Record<Site, SiteEditor>> = { x: xEditor, facebook: facebookEditor };

/** A site's built editor script (WXT's output name for entrypoints/<site>-editor.ts). */
export const editorScriptFile = (site: Site): string => `${site}-editor.js`;

/** A reader joined with its site's editor side. */
export const editingAdapter = (adapter: SiteAdapter): EditingAdapter => ({ ...adapter, ...SITE_EDITORS[adapter.site] });
