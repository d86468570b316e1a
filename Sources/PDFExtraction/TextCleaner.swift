/// The clean-up applied to extracted pages unless `--raw` is asked for.
public enum TextCleaner {
  /// Normalises characters, drops running headers, footers and page numbers, then rejoins
  /// words broken at line ends. Trailing spaces are trimmed from every line.
  public static func clean(_ pages: [PageText]) -> [PageText] {
    let normalized = pages.map { trimLineEnds(TextNormalizer.normalize($0.text)) }
    let withoutRunning = RunningLineFilter.filter(pages: normalized)
    let dehyphenator = Dehyphenator(lexiconFrom: withoutRunning)
    return zip(pages, withoutRunning).map { page, text in
      var cleaned = page
      cleaned.text = dehyphenator.join(text)
      return cleaned
    }
  }

  static func trimLineEnds(_ text: String) -> String {
    guard
      text.containsBytes(0x20, 0x0A) || text.containsBytes(0x09, 0x0A) || text.hasSuffix(" ")
        || text.hasSuffix("\t")
    else {
      return text
    }
    // Normalised text has no carriage returns: its lines are cut at line feed bytes.
    return text.lineSlices()
      .map { line in
        var slice = line
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
      }
      .joined(separator: "\n")
  }
}
