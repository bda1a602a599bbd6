// Prints the stylesheet of the antd components the task page and the shell around it show at first paint, made on
// the server as the browser would make them, and ending with cssinjs's map of the style paths it holds: a page that
// applies it makes no style of its own for those components. Run by the antdFirstPaintCss plugin in a Node process
// with the build's NODE_ENV, as the built app runs antd (a development antd names its styles apart).
import { createRequire } from 'node:module';
import * as antd from 'antd';
import { createElement as h, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';

// antd's own copy of its style engine (not a dependency of ours: a second copy would not see antd's styles).
const fromAntd = createRequire(createRequire(import.meta.url).resolve('antd'));
const { createCache, extractStyle, StyleProvider } = fromAntd('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');

const { Alert, App, Button, Card, ConfigProvider, Descriptions, Drawer, Empty, Flex, Layout, Skeleton, Space, Spin, Tag, Typography } = antd;

/**
 * One element per component the task page and the shell around it show at first paint, on a phone and on a desktop
 * (each registers its whole style, whatever its props). Components of other pages are left out: every rule here is
 * matched on every page, so a bigger sheet costs each page style time.
 */
const FIRST_PAINT: ReactNode[] = [
  h(Layout, null, h(Layout.Header), h(Layout.Content)),
  h(Drawer, { open: false }),
  h(Spin),
  h(Typography.Title),
  h(Button),
  h(Flex),
  h(Space),
  h(Card),
  h(Descriptions, { items: [] }),
  h(Tag, { color: 'blue' }),
  h(Tag, { color: 'success' }),
  h(Alert),
  h(Skeleton),
  h(Empty),
];

const cache = createCache();
renderToString(h(StyleProvider, { cache }, h(ConfigProvider, null, h(App, null, ...FIRST_PAINT))));
const css = extractStyle(cache, { plain: true, types: 'style' });
// cssinjs closes the sheet with its map of style paths; without a path in it the browser would make every style again
if (!/data-ant-cssinjs-cache-path\{content:"[^"]+"/.test(css)) throw new Error(`antd made no first-paint styles (${css.length} characters)`);
process.stdout.write(css);
