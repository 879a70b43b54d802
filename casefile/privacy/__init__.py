"""The one privacy policy for every output: field classes, protection levels, redaction."""
