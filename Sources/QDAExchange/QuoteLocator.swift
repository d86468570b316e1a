import Foundation

/// Finds an evidence quote in a source text and gives its place as REFI-QDA counts it.
///
/// Quotes are sentences of the text whose line breaks became spaces, clipped with "…" at
/// either end when long. A quote is found when its words appear in the text in order with
/// white space between them, any run of white space in the quote matching any run in the
/// text; a leading or trailing "…" is left out first.
///
/// Positions count Unicode scalars (code points) from 0, the end exclusive, as a
/// `PlainTextSelection`'s `startPosition` and `endPosition` do. That is not Swift's
/// `Character` count (a flag is one character of two scalars) nor UTF-16 (an emoji is two
/// code units of one scalar).
public struct QuoteLocator: Sendable {
  let scalars: [Unicode.Scalar]

  public init(text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// The number of scalars in the text.
  public var count: Int { scalars.count }

  /// The range of the first occurrence at or after `position` (then, when `wrapping`, the
  /// first before it), or nil when the quote is not in the text or has no words. With a
  /// `limit`, the occurrence must start before it.
  public func range(
    of quote: String, from position: Int = 0, limit: Int? = nil, wrapping: Bool = true
  ) -> Range<Int>? {
    let words = Self.words(of: quote)
    guard let first = words.first?.first else { return nil }
    let start = min(max(0, position), scalars.count)
    let end = min(max(start, limit ?? scalars.count), scalars.count)
    for index in start..<end where scalars[index] == first {
      if let end = match(words, at: index) { return index..<end }
    }
    guard wrapping else { return nil }
    for index in 0..<start where scalars[index] == first {
      if let end = match(words, at: index) { return index..<end }
    }
    return nil
  }

  /// How far after a heading the first sentence of its section may start.
  static let headingReach = 2_000

  /// The range of an evidence quote. A heading's evidence reads "Heading — first sentence of
  /// its section", two pieces of the text that need not touch: when the whole quote is not
  /// there, the heading is looked for, then the sentence after it, and the range runs from
  /// the heading to the end of the sentence (or is the heading alone when the sentence is not
  /// near).
  public func locate(_ quote: String, near position: Int = 0) -> Range<Int>? {
    if let range = range(of: quote, from: position) { return range }
    var searchStart = quote.startIndex
    while let separator = quote.range(of: " — ", range: searchStart..<quote.endIndex) {
      searchStart = separator.upperBound
      let heading = String(quote[..<separator.lowerBound])
      let sentence = String(quote[separator.upperBound...])
      guard let headingRange = range(of: heading, from: position) else { continue }
      if Self.words(of: sentence).isEmpty { return headingRange }
      if let sentenceRange = range(
        of: sentence, from: headingRange.upperBound,
        limit: headingRange.upperBound + Self.headingReach, wrapping: false
      ) {
        return headingRange.lowerBound..<sentenceRange.upperBound
      }
      return headingRange
    }
    return nil
  }

  /// The text at a range, for checks.
  public func text(in range: Range<Int>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
    return text
  }

  /// Where the words end when they start at `index`.
  func match(_ words: [[Unicode.Scalar]], at index: Int) -> Int? {
    var position = index
    for (number, word) in words.enumerated() {
      if number > 0 {
        guard position < scalars.count, scalars[position].properties.isWhitespace else {
          return nil
        }
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
      }
      guard position + word.count <= scalars.count else { return nil }
      for scalar in word {
        guard scalars[position] == scalar else { return nil }
        position += 1
      }
    }
    return position
  }

  /// The quote's words: runs of non-white-space after a leading and a trailing "…" are gone.
  static func words(of quote: String) -> [[Unicode.Scalar]] {
    var scalars = Substring(quote).unicodeScalars[...]
    func trim() {
      while let first = scalars.first, first.properties.isWhitespace {
        scalars = scalars.dropFirst()
      }
      while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
    }
    trim()
    if scalars.first == "…" { scalars = scalars.dropFirst() }
    if scalars.last == "…" { scalars = scalars.dropLast() }
    var words: [[Unicode.Scalar]] = []
    var word: [Unicode.Scalar] = []
    for scalar in scalars {
      if scalar.properties.isWhitespace {
        if !word.isEmpty { words.append(word) }
        word = []
      } else {
        word.append(scalar)
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// White space runs as one space, a leading and a trailing "…" left out: what a quote and
  /// the text it was found at have in common.
  public static func normalized(_ text: String) -> String {
    words(of: text).map { word in
      var text = ""
      text.unicodeScalars.append(contentsOf: word)
      return text
    }.joined(separator: " ")
  }
}
