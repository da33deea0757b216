"""What the site shows: registry markers, rendering and published files."""
