/// Where a judgement comes from: a quote on a page and the cue that matched it.
public struct Evidence: Codable, Sendable, Equatable, Hashable {
  /// One-based page index.
  public var page: Int
  /// The printed page label ("iii", "12"), which may differ from the index.
  public var pageLabel: String
  public var quote: String
  /// The kind of cue that matched (heading, phrase, label, negation, term, judged).
  public var kind: String
  /// The cue's pattern, or the term's id.
  public var cue: String

  public init(page: Int, pageLabel: String, quote: String, kind: String, cue: String) {
    self.page = page
    self.pageLabel = pageLabel
    self.quote = quote
    self.kind = kind
    self.cue = cue
  }

  enum CodingKeys: String, CodingKey {
    case page, quote, kind, cue
    case pageLabel = "page_label"
  }
}

public enum Verdict: String, Codable, Sendable, Equatable {
  case yes
  case no
}
