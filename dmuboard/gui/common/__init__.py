"""What every part of the GUI shares: the editor of the open board, the feature
API, drag payloads, labels, and the Qt application for commands."""
