/// The bounding box of one character on a page, in points, y growing downwards.
struct CharBox: Equatable {
  var x1: Double
  var y1: Double
  var x2: Double
  var y2: Double

  var height: Double { y2 - y1 }
  var midY: Double { (y1 + y2) / 2 }
}

/// Restores the spaces that `poppler_page_get_text` drops between neighbouring text blocks.
///
/// `poppler_page_get_text` joins blocks that sit side by side on one line (table cells, a
/// label and its value) without a separator ("ParameterDescription"), where `pdftotext` puts
/// a space. The character layout tells where each character really is: two non-space
/// characters that are far apart horizontally, on different baselines, or in the wrong
/// order, belong to different words.
enum WordBoundaries {
  /// A horizontal gap wider than this share of the glyph height separates words. Poppler itself
  /// starts a new word at a gap of 0.1 font size; glyph boxes are a little taller than the
  /// font size, so this is the same rule.
  static let gapRatio = 0.12
  /// A vertical shift of the glyph centre by more than this share of the height is another line.
  static let lineShiftRatio = 0.6

  static func restore(text: String, boxes: [CharBox]) -> String {
    var text = text
    let restored = text.withUTF8 { bytes -> String? in
      // First the places (in UTF-8 bytes) where a space goes; most pages need none.
      guard let places = places(in: bytes, boxes: boxes), !places.isEmpty else { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + places.count)
      var copied = 0
      for place in places {
        output += bytes[copied..<place]
        output.append(0x20)
        copied = place
      }
      output += bytes[copied...]
      return String(decoding: output, as: UTF8.self)
    }
    return restored ?? text
  }

  /// The byte offsets where a space goes, read scalar by scalar on the bytes (the layout has
  /// one box per scalar); nil when the layout and the text disagree on their length.
  private static func places(in bytes: UnsafeBufferPointer<UInt8>, boxes: [CharBox]) -> [Int]? {
    boxes.withUnsafeBufferPointer { boxes -> [Int]? in
      var places: [Int] = []
      var index = 0
      var offset = 0
      var previousIsSeparator = true
      while offset < bytes.count {
        // If poppler ever disagrees, keep the text as it is rather than guess.
        guard index < boxes.count else { return nil }
        let byte = bytes[offset]
        let separator: Bool
        if byte < 0x80 {
          separator = UTF8Bytes.isSpace(byte)
          if !previousIsSeparator, !separator,
            startsNewWord(after: boxes[index - 1], at: boxes[index])
          {
            places.append(offset)
          }
          offset += 1
        } else {
          let (scalar, length) = UTF8Bytes.scalar(bytes, at: offset)
          separator = isSeparator(scalar)
          if !previousIsSeparator, !separator,
            startsNewWord(after: boxes[index - 1], at: boxes[index])
          {
            places.append(offset)
          }
          offset += length
        }
        previousIsSeparator = separator
        index += 1
      }
      return index == boxes.count ? places : nil
    }
  }

  static func startsNewWord(after left: CharBox, at right: CharBox) -> Bool {
    let height = max(left.height, right.height, 1)
    if abs(right.midY - left.midY) > lineShiftRatio * height {
      // Rotated text (an axis label, a vertical table header) runs down the page: letters
      // stacked over each other are one word unless a gap separates them.
      return !stackedVertically(left, right)
    }
    let gap = right.x1 - left.x2
    if gap > gapRatio * height { return true }
    // Going back past the start of the previous character: a new block, not the next letter.
    return right.x1 < left.x1 - gapRatio * height
  }

  static func stackedVertically(_ upper: CharBox, _ lower: CharBox) -> Bool {
    let overlap = min(upper.x2, lower.x2) - max(upper.x1, lower.x1)
    let narrower = min(upper.x2 - upper.x1, lower.x2 - lower.x1)
    guard narrower > 0, overlap >= 0.5 * narrower else { return false }
    let gap = max(lower.y1 - upper.y2, upper.y1 - lower.y2)
    return gap <= gapRatio * max(narrower, 1)
  }

  private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpace
  }
}
