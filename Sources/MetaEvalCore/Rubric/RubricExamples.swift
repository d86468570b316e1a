/// Runs the examples of a rubric's criteria: each is documentation and a test.
public enum RubricExamples {
  /// A failed example.
  public struct Failure: Sendable, Equatable, CustomStringConvertible {
    public var rubricPath: String
    public var criterion: String
    public var example: Int
    public var language: Language
    public var problem: String

    public var description: String {
      "\(rubricPath): criterion '\(criterion)', example \(example + 1) (\(language.rawValue)): \(problem)"
    }
  }

  public struct Outcome: Sendable {
    public var examples: Int
    public var failures: [Failure]
  }

  public static func run(_ rubric: Rubric) -> Outcome {
    let scorer = Scorer(rubric: rubric)
    var count = 0
    var failures: [Failure] = []
    for criterion in rubric.criteria {
      for (index, example) in criterion.spec.examples.enumerated() {
        count += 1
        let (text, marked) = unmark(example.text)
        guard
          let result = scorer.score(
            criterion.id, in: DocumentText(text: text), language: example.lang)
        else { continue }
        func fail(_ problem: String) {
          failures.append(
            Failure(
              rubricPath: rubric.path, criterion: criterion.id, example: index,
              language: example.lang, problem: problem))
        }
        if let dimensions = example.dimensions {
          let found = result.dimensions.filter { $0.verdict == .yes }.map(\.id).sorted()
          if found != dimensions.sorted() {
            fail("expected dimensions \(dimensions.sorted()), found \(found)")
          }
        }
        let expected: Verdict = example.expect == .met ? .yes : .no
        guard result.verdict == expected else {
          fail(
            "expected \(expected.rawValue), got \(result.verdict.rawValue) (confidence \(result.confidence))"
          )
          continue
        }
        guard expected == .yes else { continue }
        for span in marked where !result.evidence.contains(where: { quotes($0.quote, span) }) {
          fail("no evidence quotes '\(span)'; evidence: \(result.evidence.map(\.quote))")
        }
        if let name = example.name, result.name?.lowercased() != name.lowercased() {
          fail("expected the name '\(name)', found '\(result.name ?? "none")'")
        }
        if let count = example.count, result.count != count {
          fail("expected a count of \(count), found \(result.count.map(String.init) ?? "none")")
        }
        for term in example.terms ?? [] where !result.terms.contains(where: { $0.id == term }) {
          fail("expected the term '\(term)'")
        }
      }
    }
    return Outcome(examples: count, failures: failures)
  }

  /// The text without `[[` and `]]`, and the marked spans.
  static func unmark(_ text: String) -> (String, [String]) {
    var plain = ""
    var spans: [String] = []
    var current: String?
    var rest = Substring(text)
    while !rest.isEmpty {
      if rest.hasPrefix("[[") {
        current = ""
        rest = rest.dropFirst(2)
      } else if rest.hasPrefix("]]"), let span = current {
        spans.append(span)
        current = nil
        rest = rest.dropFirst(2)
      } else {
        let character = rest.removeFirst()
        plain.append(character)
        current?.append(character)
      }
    }
    return (plain, spans)
  }

  /// True when the quote and the marked span overlap: one holds the other, or a part of the
  /// quote (a heading quote is "heading — first sentence") lies in the span.
  static func quotes(_ quote: String, _ span: String) -> Bool {
    let normalizedQuote = normalize(quote)
    let normalizedSpan = normalize(span)
    if normalizedQuote.contains(normalizedSpan) || normalizedSpan.contains(normalizedQuote) {
      return true
    }
    return quote.components(separatedBy: " — ").map(normalize).contains {
      !$0.isEmpty && (normalizedSpan.contains($0) || $0.contains(normalizedSpan))
    }
  }

  static func normalize(_ text: String) -> String {
    text.replacingOccurrences(of: "…", with: "").split(whereSeparator: \.isWhitespace).joined(
      separator: " "
    )
    .lowercased()
  }
}
