# 校企合作考核 WPS 加载项 — 为当前用户安装（Windows）。
# Installs the 校企合作考核 add-in for the current user of WPS Office for Windows.
#
#   install-windows.cmd                     离线：复制 @NAME@_@VERSION@ 到 jsaddons 并登记
#                                           offline: copy the package folder and register it
#   install-windows.cmd -Online [URL]       在线：只登记内网地址（默认 @ONLINE_URL@）
#                                           online: register the intranet URL only
#
# Only this add-in's entry in %APPDATA%\kingsoft\wps\jsaddons\publish.xml is added or
# replaced; every other entry stays (the previous file is kept as publish.xml.bak).
[CmdletBinding()]
param(
  [switch]$Online,
  [string]$Url = '@ONLINE_URL@'
)
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
. (Join-Path $PSScriptRoot 'publish-xml.ps1')

$jsaddons = Get-JsAddonsDir
$publish = Join-Path $jsaddons 'publish.xml'
$attributes = [ordered]@{ name = $Name; type = 'et' }

if ($Online) {
  if ($Url -notmatch '^https?://.+/$') { throw "在线地址须以 http(s):// 开头、以 / 结尾 / the online URL must start with http(s):// and end with /: $Url" }
  $element = 'jspluginonline'
  $attributes.url = $Url
} else {
  $folder = "${Name}_${Version}"
  $source = Join-Path $PSScriptRoot $folder
  if (-not (Test-Path -LiteralPath (Join-Path $source 'ribbon.xml'))) { throw "缺少加载项文件夹 $folder / the add-in folder $folder is missing beside this script" }
  New-Item -ItemType Directory -Path $jsaddons -Force | Out-Null
  # Earlier versions of this add-in go; other add-ins' folders are never touched.
  Get-ChildItem -LiteralPath $jsaddons -Directory -Filter "${Name}_*" | Remove-Item -Recurse -Force
  Copy-Item -LiteralPath $source -Destination (Join-Path $jsaddons $folder) -Recurse
  $element = 'jsplugin'
  $attributes.url = $folder
  $attributes.version = $Version
}
$attributes.enable = 'enable'
$attributes.install = 'null'

$doc = Read-PublishXml $publish
Remove-AddinEntries $doc $Name
Add-AddinEntry $doc $element $attributes
Save-PublishXml $doc $publish
Write-Host "已安装 / installed: $Name $Version → $publish"
Write-Host '请重新启动 WPS 表格，功能区将出现“校企合作考核”选项卡。/ Restart WPS 表格 to see the 校企合作考核 tab.'
