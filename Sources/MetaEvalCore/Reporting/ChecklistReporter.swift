/// The checklist a person reads in ten seconds: a mark per criterion, the quote and page for
/// each met one, the advice for each missing one.
public struct ChecklistReporter: Reporter {
  public let identifier = "text"
  public let fileExtension = "txt"
  /// ANSI colours, for a terminal only.
  public var colour: Bool

  public init(colour: Bool = false) {
    self.colour = colour
  }

  public func render(_ results: [ReportResult]) throws -> String {
    results.map(renderOne).joined(separator: "\n")
  }

  func renderOne(_ result: ReportResult) -> String {
    let ocr = result.ocrPages > 0 ? ", \(result.ocrPages) by OCR" : ""
    var out =
      "\(bold(Escape.terminal(result.file)))  (\(result.language.rawValue), \(result.pages) page\(result.pages == 1 ? "" : "s")\(ocr), \(result.words) words, rubric \(result.rubric.id) v\(result.rubric.version))\n"
    for criterion in result.criteria {
      let mark =
        criterion.verdict == .yes ? paint("✓", 32) : paint("✗", criterion.required ? 31 : 33)
      var title = criterion.title
      if let count = criterion.count { title += " (\(count))" }
      out += "  \(mark) \(title)\(criterion.required ? "" : " [advisory]")"
      if let name = criterion.name { out += ": \(Escape.terminal(name))" }
      out += "\n"
      if !criterion.dimensions.isEmpty {
        let marks = criterion.dimensions.map {
          "\($0.title.lowercased()) \($0.verdict == .yes ? paint("✓", 32) : paint("✗", 33))"
        }
        out += "      " + marks.joined(separator: "  ") + "\n"
      }
      if criterion.verdict == .yes {
        for evidence in criterion.evidence.prefix(criterion.dimensions.isEmpty ? 1 : 3) {
          out +=
            "      \(evidence.pageReference): \"\(Self.oneLine(evidence.quote, limit: 140))\"\n"
        }
        if !criterion.terms.isEmpty {
          out +=
            "      techniques: "
            + criterion.terms.map { $0.title.lowercased() }.joined(separator: ", ") + "\n"
        }
      } else {
        if let note = criterion.note { out += "      \(dim(note))\n" }
        for evidence in criterion.evidence.prefix(1) {
          out +=
            "      \(evidence.pageReference): \"\(Self.oneLine(evidence.quote, limit: 140))\"\n"
        }
        if let advice = criterion.advice { out += "      → \(advice)\n" }
      }
    }
    let missing = result.criteria.filter { $0.required && $0.verdict == .no }.map(\.id)
    let verdict = result.passed ? paint("PASS", 32) : paint("FAIL", 31)
    out +=
      "  \(verdict): \(result.score.requiredMet)/\(result.score.requiredTotal) required criteria met"
    out += missing.isEmpty ? "\n" : " (missing: \(missing.joined(separator: ", ")))\n"
    return out
  }

  static func oneLine(_ text: String, limit: Int) -> String {
    let flat = Escape.terminal(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
  }

  func paint(_ text: String, _ code: Int) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
