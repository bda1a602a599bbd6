// Vite's client types: `import.meta.glob`, `?raw` imports and CSS side-effect imports.
/// <reference types="vite/client" />
