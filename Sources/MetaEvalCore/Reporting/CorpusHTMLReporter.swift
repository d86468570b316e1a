import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts) with the figures,
/// charts, and a table of documents that links to each document's evidence.
public struct CorpusHTMLReporter: Reporter {
  public let identifier = "html"
  public let fileExtension = "html"

  public init() {}

  static let style = """
    :root{--ok:#1a7f37;--no:#b42318;--muted:#5b616b}
    body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;max-width:64rem;margin:0 auto;padding:1rem}
    h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
    table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
    .scroll{overflow-x:auto}.yes{color:var(--ok)}.no{color:var(--no)}.muted{color:var(--muted)}
    svg{max-width:100%;height:auto}q{font-style:italic}section.doc{margin:1rem 0;padding-top:.5rem;border-top:1px solid #eee}
    @media print{body{max-width:none}a{color:inherit;text-decoration:none}section.doc{break-inside:avoid}}
    """

  public func render(_ report: CorpusReport) throws -> String {
    let summary = report.summary
    var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    out += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    out +=
      "<title>metaeval: \(Escape.html(report.name))</title><style>\(Self.style)</style></head><body>\n"
    out += "<h1>metaeval: \(Escape.html(report.name))</h1>\n"
    out +=
      "<p>Rubric <code>\(Escape.html(summary.rubricID))</code> v\(summary.rubricVersion). \(summary.documents) documents: \(summary.scored) scored, \(summary.failedCount) failed; \(summary.evaluations) of the scored are evaluations.</p>\n"
    out +=
      "<h2>Criteria</h2>\n<p class=\"muted\">Share of the evaluations that meet each criterion (the gate: of all scored documents), with a 95% Wilson interval; ◆ marks the 2016 study of 88 reports.</p>\n"
    out += Self.chart(summary.lines)
    out +=
      "<div class=\"scroll\"><table><tr><th>Criterion</th><th>Meets</th><th>2016 study</th></tr>\n"
    for line in summary.lines {
      out +=
        "<tr><td>\(line.isDimension ? "&nbsp;&nbsp;— " : "")\(Escape.html(line.title))</td><td>\(Escape.html(line.proportion.formatted))</td><td>\(Escape.html(CorpusSummary.baseline[line.id]?.text ?? ""))</td></tr>\n"
    }
    out += "</table></div>\n"
    if !summary.combinations.isEmpty {
      out +=
        "<h2>Scope combinations</h2>\n<div class=\"scroll\"><table><tr><th>Combination</th><th>Evaluations</th></tr>\n"
      for (name, count) in summary.combinations {
        out +=
          "<tr><td>\(Escape.html(name))</td><td>\(Proportion(count: count, total: summary.combinationTotal).formatted)</td></tr>\n"
      }
      out += "</table></div>\n"
    }
    if !summary.techniques.isEmpty {
      out +=
        "<h2>Techniques</h2>\n<p class=\"muted\">Among \(summary.methodDocuments) evaluations that describe their method; only document study and interviews: \(Proportion(count: summary.onlyDocumentStudyAndInterviews, total: summary.methodDocuments).formatted).</p>\n"
      out += Self.chart(
        summary.techniques.map {
          Line(
            id: $0.id, title: $0.title,
            proportion: Proportion(count: $0.count, total: summary.methodDocuments),
            isDimension: false)
        })
    }
    out += "<h2>Commissioners found</h2>\n"
    if summary.commissioners.isEmpty {
      out += "<p>None.</p>\n"
    } else {
      out += "<div class=\"scroll\"><table><tr><th>Commissioner</th><th>Reports</th></tr>\n"
      for (name, count) in summary.commissioners {
        out += "<tr><td>\(Escape.html(name))</td><td>\(count)</td></tr>\n"
      }
      out += "</table></div>\n"
    }
    if let column = summary.groupColumn {
      out += "<h2>By \(Escape.html(column))</h2>\n"
      for group in summary.groups {
        out +=
          "<h3>\(Escape.html(group.name)) <span class=\"muted\">(\(group.documents) documents)</span></h3>\n"
        out += Self.chart(group.lines)
      }
    }
    out += "<h2>Failed documents</h2>\n"
    if summary.failures.isEmpty {
      out += "<p>None.</p>\n"
    } else {
      out += "<div class=\"scroll\"><table><tr><th>File</th><th>Reason</th></tr>\n"
      for failure in summary.failures {
        out +=
          "<tr><td>\(Escape.html(failure.file))</td><td>\(Escape.html(failure.code)): \(Escape.html(failure.reason))</td></tr>\n"
      }
      out += "</table></div>\n"
    }
    out += Self.documentTable(report)
    out += "<h2>Evidence per document</h2>\n" + report.sectionsHTML
    out += "</body></html>\n"
    return out
  }

  typealias Line = CorpusSummary.Line

  /// Horizontal bars with the interval as a whisker and the 2016 figure as a diamond.
  static func chart(_ lines: [Line]) -> String {
    let rowHeight = 22.0
    let labelWidth = 190.0
    let barWidth = 360.0
    let height = Double(lines.count) * rowHeight + 24
    var svg =
      "<svg role=\"img\" aria-label=\"shares\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 60)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\" font-family=\"sans-serif\">\n"
    for tick in stride(from: 0, through: 100, by: 25) {
      let x = labelWidth + barWidth * Double(tick) / 100
      svg +=
        "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height - 16)\" stroke=\"#e5e5e5\"/><text x=\"\(x)\" y=\"\(height - 4)\" text-anchor=\"middle\" fill=\"#5b616b\">\(tick)%</text>\n"
    }
    for (index, line) in lines.enumerated() {
      let y = Double(index) * rowHeight
      let width = barWidth * line.proportion.share
      let (low, high) = line.proportion.interval
      svg +=
        "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(Escape.html((line.isDimension ? "– " : "") + line.title))</text>"
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(Self.round(width))\" height=\"14\" fill=\"\(line.isDimension ? "#8fb3de" : "#2f6db5")\"/>"
      svg +=
        "<line x1=\"\(Self.round(labelWidth + barWidth * low))\" y1=\"\(y + 11)\" x2=\"\(Self.round(labelWidth + barWidth * high))\" y2=\"\(y + 11)\" stroke=\"#1b1b1b\"/>"
      if let baseline = CorpusSummary.baseline[line.id] {
        let x = labelWidth + barWidth * baseline.share
        svg +=
          "<path d=\"M\(Self.round(x)) \(y + 4) l5 7 l-5 7 l-5 -7 z\" fill=\"#d4a017\"><title>2016: \(Escape.html(baseline.text))</title></path>"
      }
      svg +=
        "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 15)\">\(Proportion.percent(line.proportion.share))</text>\n"
    }
    return svg + "</svg>\n"
  }

  static func documentTable(_ report: CorpusReport) -> String {
    let criteria = report.summary.lines.map(\.id)
    var out = "<h2>Documents</h2>\n<div class=\"scroll\"><table><tr><th>File</th><th>Status</th>"
    for key in criteria { out += "<th>\(Escape.html(key))</th>" }
    out += "</tr>\n"
    for (index, row) in report.rows.enumerated() {
      out += "<tr><td><a href=\"#doc-\(index + 1)\">\(Escape.html(row.file))</a></td>"
      if row.status == .failed {
        out +=
          "<td class=\"no\" colspan=\"\(criteria.count + 1)\">failed: \(Escape.html(row.error ?? ""))</td></tr>\n"
        continue
      }
      out += "<td>scored</td>"
      for key in criteria {
        let verdict = row.verdicts[key]
        out +=
          "<td class=\"\(verdict?.rawValue ?? "")\">\(verdict == .yes ? "✓" : verdict == .no ? "✗" : "")</td>"
      }
      out += "</tr>\n"
    }
    return out + "</table></div>\n"
  }

  /// One document's evidence as an HTML section (`doc-N`), rendered while the run streams.
  public static func section(index: Int, outcome: DocumentOutcome) -> String {
    var out =
      "<section class=\"doc\" id=\"doc-\(index)\"><h3>\(Escape.html(outcome.entry.file))</h3>\n"
    guard let result = outcome.result else {
      return out + "<p class=\"no\">Failed: \(Escape.html(outcome.error ?? ""))</p></section>\n"
    }
    out +=
      "<p class=\"muted\">\(result.language.rawValue), \(result.pages) pages, \(result.words) words</p><ul>\n"
    for criterion in result.criteria {
      let mark =
        criterion.verdict == .yes ? "<span class=\"yes\">✓</span>" : "<span class=\"no\">✗</span>"
      out += "<li>\(mark) \(Escape.html(criterion.title))"
      if let name = criterion.name { out += ": \(Escape.html(name))" }
      if let count = criterion.count { out += " (\(count))" }
      for dimension in criterion.dimensions {
        out += " · \(Escape.html(dimension.title)) \(dimension.verdict == .yes ? "✓" : "✗")"
      }
      for evidence in criterion.evidence.prefix(2) {
        out +=
          "<br><span class=\"muted\">\(Escape.html(evidence.pageReference))</span> <q>\(Escape.html(evidence.quote))</q>"
      }
      if !criterion.terms.isEmpty {
        out +=
          "<br><span class=\"muted\">techniques: \(Escape.html(criterion.terms.map { $0.title.lowercased() }.joined(separator: ", ")))</span>"
      }
      out += "</li>\n"
    }
    return out + "</ul></section>\n"
  }

  static func round(_ value: Double) -> String { String(format: "%.1f", value) }
}
