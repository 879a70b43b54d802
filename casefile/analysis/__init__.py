"""Pure number analysis: normalisation, subjects, contradiction and corroboration detection."""
