import ArgumentParser
import Foundation
import MetaEvalCore
import PDFExtraction

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Score evaluation reports against a rubric, with evidence.",
    discussion: """
      For each file: per criterion a verdict, its evidence (page and quote) or, when missing, \
      the advice to give. Formats: text (a checklist; colour only on a terminal), json (one \
      object per file and line, sorted keys: the schema of a corpus run's results.jsonl), \
      md and html (all quotes escaped).

      Exit codes: 0 every required criterion met in every file; 1 a required criterion is \
      missing; 2 a file or the rubric could not be read (one line on stderr per file).
      """
  )

  @Argument(help: "Reports to check (.pdf, .txt, .md); a folder stands for the documents in it.")
  var files: [String]

  @OptionGroup var scoring: ScoringOptions

  @Option(help: "Output format: \(CheckReporters.names.joined(separator: ", ")).")
  var format: String = "text"

  @Option(help: "Password for encrypted PDFs.")
  var password: String?

  @OptionGroup var ocr: OCRFlags

  func validate() throws {
    guard CheckReporters.names.contains(format) else {
      throw ValidationError(
        "unknown format '\(format)'; choose one of: \(CheckReporters.names.joined(separator: ", "))"
      )
    }
  }

  func run() throws {
    let scorer = try scoring.scorer()
    let colour =
      isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    guard let reporter = CheckReporters.named(format, colour: colour) else { throw ExitCode(2) }
    let extractor = Extractor(
      options: ExtractionOptions(
        password: password, ocr: ocr.options(jobs: ProcessInfo.processInfo.activeProcessorCount)))
    var results: [ReportResult] = []
    var unreadable = false
    for file in DocumentFinder.expand(files) {
      do {
        let document = try extractor.extract(file)
        if let problems = document.ocrProblems {
          StandardError.line("metaeval: \(file): \(problems)")
        }
        results.append(scorer.score(DocumentText(document), language: scoring.language.fixed))
      } catch {
        unreadable = true
        StandardError.line("metaeval: \(error)")
      }
    }
    var output = StandardOutput()
    if !results.isEmpty || format == "json" { output.write(try reporter.render(results)) }
    output.flush()
    if unreadable { throw ExitCode(2) }
    if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
  }
}

/// The rubric and language flags shared by the scoring commands.
struct ScoringOptions: ParsableArguments {
  enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, nl, en

    var fixed: Language? { Language(rawValue: rawValue) }
  }

  @Option(help: "Rubric id (a file in Rubrics/) or path to a rubric YAML file.")
  var rubric: String = RubricLibrary.defaultID

  @Option(help: "Language of the reports: auto (detect per document), nl or en.")
  var lang: LanguageChoice = .auto

  var language: LanguageChoice { lang }

  func scorer() throws -> Scorer {
    switch loadScorer() {
    case .success(let scorer): return scorer
    case .failure(let error):
      StandardError.line("metaeval: \(error)")
      throw ExitCode(2)
    }
  }

  /// The scorer of the chosen rubric, or why the rubric did not load.
  func loadScorer() -> Result<Scorer, RubricError> {
    Result { () throws(RubricError) in Scorer(rubric: try RubricLibrary.standard().load(rubric)) }
  }
}
