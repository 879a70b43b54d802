"""Qt models over case data: ids plus a row cache, never ORM objects."""
