"""What the site shows: registry markers, rendering, the Content-Security-Policy,
scam feeds, server headers and compression."""
