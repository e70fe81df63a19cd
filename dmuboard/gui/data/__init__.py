"""Data in and out: people imported from a CSV file, the board exported for other programs."""
