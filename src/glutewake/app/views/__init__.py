"""Words and numbers each screen shows, computed from core records: no Textual here."""
