/// One self-contained HTML page with a checklist per document; every quote is escaped.
public struct HTMLReporter: Reporter {
  public let identifier = "html"
  public let fileExtension = "html"

  public init() {}

  static let style = """
    body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
    table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem;vertical-align:top;text-align:left}
    .yes{color:#1a7f37}.no{color:#b42318}.advice{color:#555}q{font-style:italic}
    """

  public func render(_ results: [ReportResult]) throws -> String {
    var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    out += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    out += "<title>metaeval check</title><style>\(Self.style)</style></head><body>\n"
    for result in results {
      out += "<section><h2>\(Escape.html(result.file))</h2>\n"
      out +=
        "<p>\(result.language.rawValue), \(result.pages) pages, \(result.words) words; rubric \(Escape.html(result.rubric.id)) v\(result.rubric.version). "
      out +=
        "<strong class=\"\(result.passed ? "yes" : "no")\">\(result.passed ? "Pass" : "Fail")</strong>: \(result.score.requiredMet)/\(result.score.requiredTotal) required criteria met.</p>\n"
      out += "<table><tr><th></th><th>Criterion</th><th>Evidence or advice</th></tr>\n"
      for criterion in result.criteria {
        let met = criterion.verdict == .yes
        var title = Escape.html(criterion.title)
        if let count = criterion.count { title += " (\(count))" }
        if let name = criterion.name { title += ": " + Escape.html(name) }
        var detail: [String] = []
        if !criterion.dimensions.isEmpty {
          detail.append(
            criterion.dimensions.map {
              "\(Escape.html($0.title)) <span class=\"\($0.verdict.rawValue)\">\($0.verdict == .yes ? "✓" : "✗")</span>"
            }.joined(separator: ", "))
        }
        if met {
          detail += criterion.evidence.prefix(2).map {
            "\(Escape.html($0.pageReference)): <q>\(Escape.html($0.quote))</q>"
          }
          if !criterion.terms.isEmpty {
            detail.append(
              "techniques: "
                + criterion.terms.map { Escape.html($0.title.lowercased()) }.joined(separator: ", ")
            )
          }
        } else if let advice = criterion.advice {
          detail.append("<span class=\"advice\">→ \(Escape.html(advice))</span>")
        }
        out +=
          "<tr><td class=\"\(criterion.verdict.rawValue)\">\(met ? "✓" : "✗")</td><td>\(title)</td><td>\(detail.joined(separator: "<br>"))</td></tr>\n"
      }
      out += "</table></section>\n"
    }
    out += "</body></html>\n"
    return out
  }
}
