import Foundation
import PDFWriter

/// Report sources with known content, for tests that need real PDFs.
public enum FixtureReports {
  /// A Dutch multi-page report with a running header and footer, long compounds that get
  /// hyphenated at line ends, a table and (optionally) two columns.
  public static func dutchEvaluation(
    columns: Int = 1, paragraphs: Int = 24, method: Bool = false, recommendations: Bool = true,
    extra: String? = nil
  ) -> ReportSource {
    var blocks: [ReportSource.Block] = [
      .heading(level: 1, text: "1 Inleiding"),
      .paragraph(
        "Het informatiebeveiligingsbeleid van de gemeente werd in het ICT-project herzien. "
          + "De evaluatiecommissie onderzocht de projectorganisatie, de verantwoordelijkheidsverdeling "
          + "en de samenwerkingsovereenkomsten met leveranciers van het zaaksysteem."),
      .heading(level: 2, text: "1.1 Doel en vraagstelling"),
      .paragraph(
        "De centrale vraag van dit onderzoek is in hoeverre het project zijn doelen heeft bereikt."),
      .tableRow(["Opdrachtgever", "Gemeenteraad van Lindeveen"]),
      .tableRow(["Parameter", "Description"]),
    ]
    if method {
      blocks.append(.heading(level: 2, text: "1.2 Aanpak"))
      blocks.append(
        .paragraph(
          "Voor deze evaluatie hebben wij documentstudie verricht en interviews gehouden met twaalf "
            + "betrokkenen van de gemeente en de leverancier."))
    }
    if let extra { blocks.append(.paragraph(extra)) }
    let subjects = [
      "de projectbeheersing", "de informatievoorziening", "de aanbesteding", "de stuurgroep",
      "het testproces", "de gegevensmigratie", "de gebruikersacceptatie",
    ]
    let judgements = [
      "verdient meer aandacht, omdat de implementatiestrategie onvoldoende werd uitgewerkt",
      "verliep volgens plan, al liep de doorlooptijd met enkele weken uit",
      "was onvoldoende belegd in de lijnorganisatie van de gemeente",
      "kende terugkerende knelpunten in de samenwerking met de leverancier",
      "werd pas laat in het traject ingericht, waardoor herstelwerk nodig was",
    ]
    for number in 1...paragraphs {
      let subject = subjects[number % subjects.count]
      let judgement = judgements[(number * 3) % judgements.count]
      blocks.append(
        .paragraph(
          "Bevinding \(number): \(subject) \(judgement). In week \(number * 2) is dit besproken "
            + "met \(number + 2) betrokkenen uit de projectorganisatie."))
    }
    if recommendations {
      blocks.append(.heading(level: 1, text: "5 Aanbevelingen"))
      blocks.append(.numbered("1.", text: "Stel een programmamanager aan voor de vervolgfase."))
      blocks.append(
        .numbered("2.", text: "Leg de afspraken met de leverancier vast in een contract."))
    }
    return ReportSource(
      title: "Evaluatie zaaksysteem", language: "nl", columns: columns,
      header: "Evaluatie zaaksysteem | Gemeente Lindeveen", footer: "Pagina {page}/{pages}",
      titleLines: [
        "Evaluatie van de invoering van het zaaksysteem", "In opdracht van de gemeenteraad",
      ],
      blocks: blocks)
  }

  /// Writes `source` as a PDF into `directory` and returns its path.
  public static func writePDF(
    _ source: ReportSource, named name: String, in directory: TemporaryDirectory,
    rendering: PDFWriter.Rendering = .text
  ) throws -> String {
    let path = directory.file(name)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try PDFWriter.write(source, to: path, rendering: rendering)
    return path
  }

  /// The words of a source's text as they would be read, for comparison with an extraction.
  public static func words(of source: ReportSource) -> [String] {
    var text = source.titleLines
    for block in source.blocks {
      switch block {
      case .heading(_, let value), .paragraph(let value), .bullet(let value): text.append(value)
      case .numbered(let number, let value): text.append(number + " " + value)
      case .tableRow(let cells): text.append(contentsOf: cells)
      case .pageBreak: break
      }
    }
    return text.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init)
  }
}

extension FixtureReports {
  /// The package's root folder (this file is Sources/TestSupport/FixtureReports.swift).
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// A report source of the sample corpus, `Corpus/sources/NAME.rpt`.
  public static func corpusSource(_ name: String) throws -> ReportSource {
    let path = (packageRoot as NSString).appendingPathComponent("Corpus/sources/\(name).rpt")
    return try ReportSourceParser.parse(
      try String(contentsOfFile: path, encoding: .utf8), path: path)
  }

  /// Edit distance between two texts, in characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension FixtureReports {
  /// The fewest character edits that turn `needle` into some part of `haystack` (Sellers'
  /// approximate substring match), white space runs counting as one space on both sides.
  public static func approximateDistance(of needle: String, in haystack: String) -> Int {
    let fold = { (text: String) in
      Array(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
    let pattern = fold(needle)
    let text = fold(haystack)
    guard !pattern.isEmpty else { return 0 }
    // column[i]: edits for pattern[0..<i] ending at the current text position; a match may
    // start anywhere, so row 0 stays 0.
    var previous = Array(0...pattern.count)
    var best = previous[pattern.count]
    for character in text {
      var current = [0]
      current.reserveCapacity(pattern.count + 1)
      for i in 1...pattern.count {
        current.append(
          min(
            previous[i] + 1, current[i - 1] + 1,
            previous[i - 1] + (pattern[i - 1] == character ? 0 : 1)))
      }
      best = min(best, current[pattern.count])
      previous = current
    }
    return best
  }
}
