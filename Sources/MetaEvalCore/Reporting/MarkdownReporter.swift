/// A Markdown checklist per document; every quote is escaped.
public struct MarkdownReporter: Reporter {
  public let identifier = "md"
  public let fileExtension = "md"

  public init() {}

  public func render(_ results: [ReportResult]) throws -> String {
    results.map(renderOne).joined(separator: "\n")
  }

  func renderOne(_ result: ReportResult) -> String {
    var out = "## \(Escape.markdown(result.file))\n\n"
    out +=
      "\(result.language.rawValue), \(result.pages) pages, \(result.words) words; rubric `\(result.rubric.id)` v\(result.rubric.version). "
    out +=
      "**\(result.passed ? "Pass" : "Fail")**: \(result.score.requiredMet)/\(result.score.requiredTotal) required criteria met.\n\n"
    out += "| | Criterion | Evidence or advice |\n|---|---|---|\n"
    for criterion in result.criteria {
      let mark = criterion.verdict == .yes ? "✓" : "✗"
      var title = Escape.markdown(criterion.title)
      if let count = criterion.count { title += " (\(count))" }
      if let name = criterion.name { title += ": " + Escape.markdown(name) }
      var detail: [String] = []
      if !criterion.dimensions.isEmpty {
        detail.append(
          criterion.dimensions.map {
            "\(Escape.markdown($0.title)) \($0.verdict == .yes ? "✓" : "✗")"
          }.joined(separator: ", "))
      }
      if criterion.verdict == .yes {
        detail += criterion.evidence.prefix(2).map {
          "\(Escape.markdown($0.pageReference)): “\(Escape.markdown($0.quote))”"
        }
        if !criterion.terms.isEmpty {
          detail.append(
            "techniques: "
              + criterion.terms.map { Escape.markdown($0.title.lowercased()) }.joined(
                separator: ", "))
        }
      } else if let advice = criterion.advice {
        detail.append("→ " + Escape.markdown(advice))
      }
      out += "| \(mark) | \(title) | \(detail.joined(separator: "<br>")) |\n"
    }
    return out
  }
}
