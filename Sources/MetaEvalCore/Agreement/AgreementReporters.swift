import Foundation

/// The formats of `metaeval agree`.
public enum AgreementReporters {
  public static func all() -> [any Reporter<AgreementReport>] {
    [
      AgreementTextReporter(markdown: false), AgreementTextReporter(markdown: true),
      AgreementJSONReporter(), AgreementCSVReporter(),
    ]
  }

  public static var names: [String] { all().map(\.identifier) }

  public static func named(_ name: String) -> (any Reporter<AgreementReport>)? {
    all().first { $0.identifier == name }
  }

  static func number(_ value: Double?, digits: Int = 2) -> String {
    value.map { String(format: "%.\(digits)f", $0) } ?? "–"
  }

  static func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
  }
}

/// A table per criterion for people: text on a terminal, or Markdown.
public struct AgreementTextReporter: Reporter {
  public let markdown: Bool
  public var identifier: String { markdown ? "md" : "text" }
  public var fileExtension: String { markdown ? "md" : "txt" }

  public init(markdown: Bool) { self.markdown = markdown }

  func cell(_ text: String) -> String { markdown ? Escape.markdown(text) : Escape.terminal(text) }

  public func render(_ report: AgreementReport) throws -> String {
    let number = AgreementReporters.number
    let percent = AgreementReporters.percent
    var out = markdown ? "# Agreement\n\n" : ""
    for (index, path) in report.codings.enumerated() {
      out +=
        "\(markdown ? "- " : "")coding \(index + 1): \(cell(path))\(index == 0 ? " (reference)" : "")\n"
    }
    out += "\(report.matched) documents coded by all.\n"
    for warning in report.warnings { out += "\(markdown ? "- " : "")warning: \(cell(warning))\n" }
    out += "\n"
    if report.codings.count == 2 {
      let header = [
        "criterion", "n", "agreement", "kappa [95% CI]", "precision", "recall", "F1",
        "confusion (ref yes: yes/no, ref no: yes/no)",
      ]
      var rows: [[String]] = []
      for pair in report.pairs {
        let r = pair.result
        let kappa =
          r.kappa.map { "\(number($0, 2)) [\(number(r.kappaLow, 2)), \(number(r.kappaHigh, 2))]" }
          ?? "undefined"
        rows.append([
          pair.criterion, String(r.n), percent(r.agreement), kappa, number(r.precision, 2),
          number(r.recall, 2), number(r.f1, 2),
          "\(r.yesYes)/\(r.yesNo), \(r.noYes)/\(r.noNo)",
        ])
      }
      out += table(header, rows)
    } else {
      var rows: [[String]] = []
      for alpha in report.alphas {
        rows.append([
          alpha.criterion, String(alpha.units), alpha.alpha.map { number($0, 3) } ?? "undefined",
        ])
      }
      out += table(["criterion", "units", "Krippendorff's alpha (nominal)"], rows)
      out += "\nPairwise Cohen's kappa\n\n"
      let pairs = Array(Set(report.pairwise.map { "\($0.first + 1)–\($0.second + 1)" })).sorted()
      var kappaRows: [[String]] = []
      for criterion in report.criteria {
        kappaRows.append(
          [criterion]
            + pairs.map { pair in
              report.pairwise.first {
                "\($0.first + 1)–\($0.second + 1)" == pair && $0.criterion == criterion
              }
              .map { number($0.kappa, 2) } ?? "–"
            })
      }
      out += table(["criterion"] + pairs, kappaRows)
    }
    out += "\n\(markdown ? "## " : "")Disagreements (\(report.disagreements.count))\n\n"
    for item in report.disagreements {
      out +=
        "\(markdown ? "- " : "  ")\(cell(item.criterion))  \(cell(item.file)): \(item.values.map { $0.isEmpty ? "–" : $0 }.joined(separator: " / "))"
      if let evidence = item.evidence {
        out += "\n\(markdown ? "  " : "      ")metaeval: \(cell(evidence))"
      }
      out += "\n"
    }
    return out
  }

  func table(_ header: [String], _ rows: [[String]]) -> String {
    if markdown {
      var out =
        "| " + header.joined(separator: " | ") + " |\n|"
        + header.map { _ in "---" }.joined(separator: "|") + "|\n"
      for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
      return out
    }
    let widths = header.indices.map { column in
      ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map {
        $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
    }
    return line(header) + rows.map(line).joined()
  }
}

public struct AgreementJSONReporter: Reporter {
  public let identifier = "json"
  public let fileExtension = "json"

  public init() {}

  public func render(_ report: AgreementReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }
}

/// One row per criterion: κ and the confusion matrix for two codings, α for more.
public struct AgreementCSVReporter: Reporter {
  public let identifier = "csv"
  public let fileExtension = "csv"

  public init() {}

  public func render(_ report: AgreementReport) throws -> String {
    let writer = CSVWriter()
    let number = { (value: Double?) in value.map { String(format: "%.4f", $0) } ?? "" }
    var out = writer.row([
      "criterion", "n", "agreement", "kappa", "kappa_low", "kappa_high", "precision", "recall",
      "f1", "yes_yes", "yes_no",
      "no_yes", "no_no", "alpha", "alpha_units",
    ])
    for (pair, alpha) in zip(report.pairs, report.alphas) {
      let r = pair.result
      out += writer.row([
        pair.criterion, String(r.n), number(r.agreement), number(r.kappa), number(r.kappaLow),
        number(r.kappaHigh),
        number(r.precision), number(r.recall), number(r.f1), String(r.yesYes), String(r.yesNo),
        String(r.noYes),
        String(r.noNo), number(alpha.alpha), String(alpha.units),
      ])
    }
    return out
  }
}
