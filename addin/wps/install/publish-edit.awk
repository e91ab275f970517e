# Edits a WPS publish.xml read whole from the input: removes every <jsplugin …> and
# <jspluginonline …> element whose name attribute is `name`, then, when `entry` is not
# empty, appends `entry` as the last child of <jsplugins>. Every other byte of the file is
# kept as it was, so the other add-ins' entries are never touched.
# Used by install-linux.sh and uninstall-linux.sh (POSIX awk: no gawk extensions).
# Exit status 3: the file has no <jsplugins> root, and nothing is written.
{ text = text $0 "\n" }
END {
  out = ""
  rest = text
  pattern = "[ \t\r\n]name[ \t\r\n]*=[ \t\r\n]*[\"']" name "[\"']"
  while ((at = index(rest, "<jsplugin")) > 0) {
    after = substr(rest, at + 9, 1)
    if (after == "s") {
      # The <jsplugins> root itself: keep it and go on after it.
      out = out substr(rest, 1, at + 9)
      rest = substr(rest, at + 10)
      continue
    }
    tagEnd = index(substr(rest, at), ">")
    if (tagEnd == 0) break
    tag = substr(rest, at, tagEnd)
    if (!match(tag, pattern)) {
      out = out substr(rest, 1, at + tagEnd - 1)
      rest = substr(rest, at + tagEnd)
      continue
    }
    stop = at + tagEnd - 1
    if (substr(tag, length(tag) - 1, 1) != "/") {
      # <jsplugin …>…</jsplugin>: drop up to the closing tag.
      closeAt = index(substr(rest, stop + 1), "</jsplugin")
      if (closeAt > 0) {
        closeEnd = index(substr(rest, stop + closeAt), ">")
        stop = stop + closeAt + closeEnd - 1
      }
    }
    before = substr(rest, 1, at - 1)
    # Drop the indentation and line break the removed element stood on, not more.
    sub(/[ \t]*$/, "", before)
    rest = substr(rest, stop + 1)
    if (substr(rest, 1, 1) == "\n") rest = substr(rest, 2)
    else if (substr(rest, 1, 2) == "\r\n") rest = substr(rest, 3)
    out = out before
  }
  text = out rest
  if (entry != "") {
    closing = index(text, "</jsplugins>")
    if (closing > 0) {
      head = substr(text, 1, closing - 1)
      sub(/[ \t]*$/, "", head)
      if (head !~ /\n$/) head = head "\n"
      text = head "  " entry "\n" substr(text, closing)
    } else if (match(text, /<jsplugins[ \t\r\n]*\/>/)) {
      text = substr(text, 1, RSTART - 1) "<jsplugins>\n  " entry "\n</jsplugins>" substr(text, RSTART + RLENGTH)
    } else {
      exit 3
    }
  } else if (index(text, "<jsplugins") == 0) {
    exit 3
  }
  printf "%s", text
}
