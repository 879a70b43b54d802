"""Exchange of case files between reporters: encrypted exports and their formats."""
