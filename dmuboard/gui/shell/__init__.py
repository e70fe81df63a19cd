"""The window shell: start-up, the main window, its file commands, menus and icons."""
