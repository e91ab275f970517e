# Shared by install-windows.ps1 and uninstall-windows.ps1: edits WPS's publish.xml through
# the XML DOM, touching only the entries named $Name. Dot-sourced, not run on its own.
# The same steps are mirrored in src/wps/package/publish-xml.ts, which the tests run.

function Get-JsAddonsDir {
  if ($env:WPS_JSADDONS_DIR) { return $env:WPS_JSADDONS_DIR }
  return (Join-Path $env:APPDATA 'kingsoft\wps\jsaddons')
}

function Read-PublishXml([string]$Path) {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  if (Test-Path -LiteralPath $Path) {
    $doc.Load($Path)
  } else {
    $doc.LoadXml("<?xml version=`"1.0`" encoding=`"UTF-8`"?>`n<jsplugins>`n</jsplugins>`n")
  }
  if ($doc.DocumentElement -eq $null -or $doc.DocumentElement.LocalName -ne 'jsplugins') {
    throw "$Path 不是 WPS 的加载项列表（没有 <jsplugins>），未作修改 / is not a WPS add-in list; left unchanged"
  }
  return $doc
}

function Remove-AddinEntries([System.Xml.XmlDocument]$Doc, [string]$Name) {
  $root = $Doc.DocumentElement
  $ours = @($root.ChildNodes | Where-Object {
      $_.NodeType -eq [System.Xml.XmlNodeType]::Element -and
      ($_.LocalName -eq 'jsplugin' -or $_.LocalName -eq 'jspluginonline') -and
      $_.GetAttribute('name') -eq $Name })
  foreach ($node in $ours) {
    # The line break before the element goes with it, so no blank line is left behind.
    $previous = $node.PreviousSibling
    if ($previous -ne $null -and $previous.NodeType -eq [System.Xml.XmlNodeType]::Whitespace) { [void]$root.RemoveChild($previous) }
    [void]$root.RemoveChild($node)
  }
}

function Add-AddinEntry([System.Xml.XmlDocument]$Doc, [string]$Element, [System.Collections.Specialized.OrderedDictionary]$Attributes) {
  $root = $Doc.DocumentElement
  $entry = $Doc.CreateElement($Element)
  foreach ($key in $Attributes.Keys) { $entry.SetAttribute($key, $Attributes[$key]) }
  $last = $root.LastChild
  $closingIndent = $null
  if ($last -ne $null -and $last.NodeType -eq [System.Xml.XmlNodeType]::Whitespace) { $closingIndent = $last }
  [void]$root.InsertBefore($Doc.CreateWhitespace("`n  "), $closingIndent)
  [void]$root.InsertBefore($entry, $closingIndent)
  if ($closingIndent -eq $null) { [void]$root.AppendChild($Doc.CreateWhitespace("`n")) }
}

function Save-PublishXml([System.Xml.XmlDocument]$Doc, [string]$Path) {
  $dir = Split-Path -Parent $Path
  if (-not (Test-Path -LiteralPath $dir)) { New-Item -ItemType Directory -Path $dir -Force | Out-Null }
  if (Test-Path -LiteralPath $Path) { Copy-Item -LiteralPath $Path -Destination "$Path.bak" -Force }
  # UTF-8 without a byte order mark, as WPS itself writes the file.
  $settings = New-Object System.Xml.XmlWriterSettings
  $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
  $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
  try { $Doc.Save($writer) } finally { $writer.Close() }
}
