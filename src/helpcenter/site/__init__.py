"""Rendering and publishing the built site: scam feeds, server headers, compression."""
