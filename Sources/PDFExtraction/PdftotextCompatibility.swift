/// What `--raw` does on top of poppler's text so that its words are those of `pdftotext`.
///
/// `pdftotext` joins a line that ends in a hyphen to the next one and drops the hyphen
/// (`evalua-⏎tie` → `evaluatie`, but also `ICT-⏎project` → `ICTproject`). Raw output follows it
/// so that it can be compared word for word with poppler's own tool; the clean-up does better.
enum PdftotextCompatibility {
  static func joinHyphenatedLines(_ text: String) -> String {
    guard text.containsBytes(0x2D, 0x0A) else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let line = lines.popFirst() {
      if line.hasSuffix("-"), let next = lines.first, let first = next.first, !first.isWhitespace {
        output += line.dropLast()
      } else {
        output += line
        if !lines.isEmpty { output += "\n" }
      }
    }
    return output
  }
}
