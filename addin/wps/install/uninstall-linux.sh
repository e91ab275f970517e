#!/bin/sh
# 校企合作考核 WPS 加载项 — 为当前用户卸载（Linux）。
# Removes the 校企合作考核 add-in's entry from publish.xml (every other entry stays) and
# the add-in folders copied by install-linux.sh. WPS_JSADDONS_DIR overrides the folder.
set -eu

NAME='@NAME@'
HERE=$(cd "$(dirname "$0")" && pwd)
JSADDONS=${WPS_JSADDONS_DIR:-"$HOME/.local/share/Kingsoft/wps/jsaddons"}
PUBLISH="$JSADDONS/publish.xml"

if [ -f "$PUBLISH" ]; then
  [ -f "$HERE/publish-edit.awk" ] || { echo "缺少 publish-edit.awk / publish-edit.awk is missing" >&2; exit 1; }
  cp "$PUBLISH" "$PUBLISH.bak"
  tmp="$PUBLISH.tmp.$$"
  if awk -v name="$NAME" -v entry='' -f "$HERE/publish-edit.awk" "$PUBLISH" > "$tmp"; then
    mv "$tmp" "$PUBLISH"
  else
    rm -f "$tmp"
    echo "$PUBLISH 不是 WPS 的加载项列表，未作修改 / is not a WPS add-in list; left unchanged" >&2
    exit 1
  fi
fi
for old in "$JSADDONS/${NAME}_"*; do
  if [ -d "$old" ]; then rm -rf "$old"; fi
done
echo "已卸载 / uninstalled: $NAME"
