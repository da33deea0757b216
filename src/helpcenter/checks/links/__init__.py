"""Links in articles: extraction, the internal and cross-language checker, the
external host policy shared with the contact guard, and the network link checker."""
