# 校企合作考核 WPS 加载项 — 为当前用户卸载（Windows）。
# Removes this add-in's entry from publish.xml (every other entry stays) and the add-in
# folders install-windows.ps1 copied.
[CmdletBinding()]
param()
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
. (Join-Path $PSScriptRoot 'publish-xml.ps1')

$jsaddons = Get-JsAddonsDir
$publish = Join-Path $jsaddons 'publish.xml'
if (Test-Path -LiteralPath $publish) {
  $doc = Read-PublishXml $publish
  Remove-AddinEntries $doc $Name
  Save-PublishXml $doc $publish
}
if (Test-Path -LiteralPath $jsaddons) {
  Get-ChildItem -LiteralPath $jsaddons -Directory -Filter "${Name}_*" | Remove-Item -Recurse -Force
}
Write-Host "已卸载 / uninstalled: $Name"
