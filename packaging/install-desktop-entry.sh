#!/bin/sh
# Shipped at the top of the Linux "DMU Board" folder. Registers, for the current user only,
# the menu entry, the icon, the .dmu file type and a `dmuboard` command in ~/.local/bin,
# all pointing at this folder. Run it again after moving the folder; `--uninstall` removes
# what it added. Nothing needs root.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
APPS=$DATA/applications
ICONS=$DATA/icons/hicolor
MIME=$DATA/mime

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$MIME" >/dev/null 2>&1 || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$APPS/dmuboard.desktop" "$MIME/packages/dmuboard.xml" "$ICONS/scalable/apps/dmuboard.svg"
    for size in 256 64 32; do rm -f "$ICONS/${size}x${size}/apps/dmuboard.png"; done
    if [ -L "$BIN/dmuboard" ]; then rm -f "$BIN/dmuboard"; fi
    refresh
    echo "DMU Board: menu entry, icon, file type and command removed (the folder itself is untouched)."
    exit 0
fi

if [ ! -x "$HERE/dmuboard" ] || [ ! -d "$HERE/share" ]; then
    echo "install-desktop-entry.sh: run me from the unpacked 'DMU Board' folder (dmuboard and share/ not found in $HERE)" >&2
    exit 1
fi
case $HERE in
    *'"'* | *'`'* | *'$'* | *'\'*)
        echo "install-desktop-entry.sh: move the folder to a path without quotes, backquotes, \$ or backslashes first: $HERE" >&2
        exit 1 ;;
esac

mkdir -p "$BIN" "$APPS" "$MIME/packages" "$ICONS/scalable/apps"
ln -sfn "$HERE/dmuboard" "$BIN/dmuboard"
# The menu entry names this folder's program by its full path, so it works even where
# ~/.local/bin is not on the desktop session's PATH.
sed -e "s|^Exec=.*|Exec=\"$HERE/dmuboard\" %f|" -e "s|^TryExec=.*|TryExec=$HERE/dmuboard|" \
    "$HERE/share/dmuboard.desktop" >"$APPS/dmuboard.desktop"
cp "$HERE/share/dmuboard-mime.xml" "$MIME/packages/dmuboard.xml"
cp "$HERE/share/dmuboard.svg" "$ICONS/scalable/apps/dmuboard.svg"
for size in 256 64 32; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$HERE/share/dmuboard-$size.png" "$ICONS/${size}x${size}/apps/dmuboard.png"
done
refresh
echo "DMU Board: added to the applications menu; .dmu files open with it; 'dmuboard' is in $BIN."
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "Note: $BIN is not on your PATH; add it to use 'dmuboard' in a terminal." ;;
esac
