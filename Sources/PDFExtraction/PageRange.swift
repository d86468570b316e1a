import Foundation

/// A set of one-based page numbers written as `1-3,7,10-`.
public struct PageRange: Sendable, Equatable, CustomStringConvertible {
  struct Span: Sendable, Equatable {
    var lower: Int
    var upper: Int?  // nil: to the end
  }

  let spans: [Span]
  public let description: String

  /// Parses `"1-3,7,10-"`; returns nil for anything else.
  public init?(_ text: String) {
    var spans: [Span] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = part.trimmingCharacters(in: .whitespaces)
      let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
      guard let first = bounds.first, let lower = Int(first), lower >= 1 else { return nil }
      if bounds.count == 1 {
        spans.append(Span(lower: lower, upper: lower))
      } else if bounds[1].isEmpty {
        spans.append(Span(lower: lower, upper: nil))
      } else {
        guard let upper = Int(bounds[1]), upper >= lower else { return nil }
        spans.append(Span(lower: lower, upper: upper))
      }
    }
    guard !spans.isEmpty else { return nil }
    self.spans = spans
    self.description = text
  }

  /// The sorted page numbers this range selects in a document of `pageCount` pages,
  /// or nil when it names a page the document does not have.
  public func pages(in pageCount: Int) -> [Int]? {
    var selected = Set<Int>()
    for span in spans {
      let upper = span.upper ?? pageCount
      guard span.lower <= pageCount, upper <= pageCount else { return nil }
      selected.formUnion(span.lower...upper)
    }
    return selected.sorted()
  }
}
