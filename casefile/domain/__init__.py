"""Plain typed values shared by every layer: enums, records, drafts, errors and changes."""
