"""The page cache: anonymous GET responses of pages, listings, feeds and the
sitemap, kept in the "pages" cache and never served after what they show has
changed. See docs/performance.md ("Page cache").

- ``store``: entries, tags and the purge sequence (the cache keys);
- ``middleware``: serves hits, stores misses, sets Cache-Control;
- ``rules``: which tags a response depends on;
- ``purge``: which tags a change bumps (page tree, reference index), and the
  frontend cache (CDN, Varnish) purge of the same pages.
"""
