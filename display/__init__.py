"""The engine: screen set-up, event loop, theme, fonts, caches, widgets. Knows nothing about sales."""
