#!/bin/sh
# 校企合作考核 WPS 加载项 — 为当前用户安装（Linux）。
# Installs the 校企合作考核 add-in for the current user of WPS Office for Linux.
#
#   sh install-linux.sh                 离线：复制 @NAME@_@VERSION@ 到 jsaddons 并登记
#                                       offline: copy the package folder and register it
#   sh install-linux.sh --online [URL]  在线：只登记内网地址（默认 @ONLINE_URL@）
#                                       online: register the intranet URL only
#
# Only this add-in's entry in publish.xml is added or replaced; every other entry stays as
# it was (a copy of the previous file is kept as publish.xml.bak). WPS_JSADDONS_DIR
# overrides the folder (default ~/.local/share/Kingsoft/wps/jsaddons).
set -eu

NAME='@NAME@'
VERSION='@VERSION@'
ONLINE_URL='@ONLINE_URL@'
HERE=$(cd "$(dirname "$0")" && pwd)
JSADDONS=${WPS_JSADDONS_DIR:-"$HOME/.local/share/Kingsoft/wps/jsaddons"}
PUBLISH="$JSADDONS/publish.xml"

die() { echo "安装失败 / install failed: $*" >&2; exit 1; }

mode=offline
url=
case "${1:-}" in
  '') ;;
  --online) mode=online; url=${2:-$ONLINE_URL} ;;
  *) echo "用法 / usage: sh $0 [--online [URL]]" >&2; exit 2 ;;
esac

[ -f "$HERE/publish-edit.awk" ] || die "缺少 publish-edit.awk / publish-edit.awk is missing beside this script"
mkdir -p "$JSADDONS"

if [ "$mode" = offline ]; then
  folder="${NAME}_${VERSION}"
  [ -f "$HERE/$folder/ribbon.xml" ] || die "缺少加载项文件夹 $folder / the add-in folder $folder is missing beside this script"
  # Earlier versions of this add-in go; other add-ins' folders are never touched.
  for old in "$JSADDONS/${NAME}_"*; do
    if [ -d "$old" ]; then rm -rf "$old"; fi
  done
  cp -R "$HERE/$folder" "$JSADDONS/$folder"
  entry="<jsplugin name=\"$NAME\" type=\"et\" url=\"$folder\" version=\"$VERSION\" enable=\"enable\" install=\"null\"/>"
else
  case "$url" in
    http://*/|https://*/) ;;
    *) die "在线地址须以 http(s):// 开头、以 / 结尾 / the online URL must start with http(s):// and end with /: $url" ;;
  esac
  entry="<jspluginonline name=\"$NAME\" type=\"et\" url=\"$url\" enable=\"enable\" install=\"null\"/>"
fi

if [ -f "$PUBLISH" ]; then
  cp "$PUBLISH" "$PUBLISH.bak"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' > "$PUBLISH"
fi

tmp="$PUBLISH.tmp.$$"
if awk -v name="$NAME" -v entry="$entry" -f "$HERE/publish-edit.awk" "$PUBLISH" > "$tmp"; then
  mv "$tmp" "$PUBLISH"
else
  rm -f "$tmp"
  die "$PUBLISH 不是 WPS 的加载项列表（没有 <jsplugins>），未作修改 / is not a WPS add-in list; left unchanged"
fi

echo "已安装 / installed: $NAME $VERSION ($mode) → $PUBLISH"
echo "请重新启动 WPS 表格，功能区将出现“校企合作考核”选项卡。/ Restart WPS 表格 to see the 校企合作考核 tab."
