/// `summary.md`: the figures of a corpus run in Markdown.
public struct SummaryMarkdownReporter: Reporter {
  public let identifier = "summary"
  public let fileExtension = "md"

  public init() {}

  public func render(_ report: CorpusReport) throws -> String {
    let summary = report.summary
    var out = "# metaeval: \(Escape.markdown(report.name))\n\n"
    out +=
      "Rubric `\(summary.rubricID)` v\(summary.rubricVersion). \(summary.documents) documents: "
    out +=
      "\(summary.scored) scored, \(summary.failedCount) failed; \(summary.evaluations) of the scored are evaluations.\n\n"
    out +=
      "Shares of the evaluations that meet each criterion (the gate over all scored documents), "
    out +=
      "with the count, the denominator and a 95% Wilson interval; beside them the 2016 study of 88 reports.\n\n"
    out += "| Criterion | Meets | 2016 study |\n|---|---|---|\n"
    for line in summary.lines {
      let title = (line.isDimension ? "— " : "") + Escape.markdown(line.title)
      let baseline = CorpusSummary.baseline[line.id]?.text ?? ""
      out += "| \(title) | \(line.proportion.formatted) | \(baseline) |\n"
    }
    if !summary.combinations.isEmpty {
      out +=
        "\n## Scope combinations\n\nAmong \(summary.combinationTotal) evaluations.\n\n| Combination | Evaluations |\n|---|---|\n"
      for (name, count) in summary.combinations {
        out +=
          "| \(name) | \(Proportion(count: count, total: summary.combinationTotal).formatted) |\n"
      }
    }
    if !summary.techniques.isEmpty {
      out +=
        "\n## Techniques\n\nAmong \(summary.methodDocuments) evaluations that describe their method.\n\n| Technique | Evaluations |\n|---|---|\n"
      for technique in summary.techniques {
        out +=
          "| \(Escape.markdown(technique.title)) | \(Proportion(count: technique.count, total: summary.methodDocuments).formatted) |\n"
      }
      out +=
        "\nOnly document study and interviews: \(Proportion(count: summary.onlyDocumentStudyAndInterviews, total: summary.methodDocuments).formatted).\n"
    }
    out += "\n## Commissioners found\n\n"
    if summary.commissioners.isEmpty {
      out += "None.\n"
    } else {
      out += "| Commissioner | Reports |\n|---|---|\n"
      for (name, count) in summary.commissioners {
        out += "| \(Escape.markdown(name)) | \(count) |\n"
      }
    }
    if let column = summary.groupColumn {
      out += "\n## By \(Escape.markdown(column))\n"
      for group in summary.groups {
        out +=
          "\n### \(Escape.markdown(group.name)) (\(group.documents) documents)\n\n| Criterion | Meets |\n|---|---|\n"
        for line in group.lines {
          out +=
            "| \((line.isDimension ? "— " : "") + Escape.markdown(line.title)) | \(line.proportion.formatted) |\n"
        }
      }
    }
    out += "\n## Failed documents\n\n"
    if summary.failures.isEmpty {
      out += "None.\n"
    } else {
      out += "| File | Reason |\n|---|---|\n"
      for failure in summary.failures {
        out +=
          "| \(Escape.markdown(failure.file)) | \(Escape.markdown(failure.code)): \(Escape.markdown(failure.reason)) |\n"
      }
    }
    return out
  }
}
