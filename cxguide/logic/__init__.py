"""Pure logic over the knowledge: queries, lookups, rankings. No I/O, no Textual."""
