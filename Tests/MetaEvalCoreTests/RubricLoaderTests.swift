import Foundation
import Testing
import Yams

@testable import MetaEvalCore

@Suite struct RubricLoaderTests {
  /// A minimal valid rubric with one criterion; `criterion` replaces its criterion block.
  static func yaml(criterion: String = validCriterion, version: Int = 1) -> String {
    """
    version: \(version)
    id: tiny
    title: Tiny
    description: A tiny rubric.
    criteria:
    \(criterion)
    """
  }

  static let validCriterion = """
      - id: findings
        title: Findings
        description: The report has findings.
        advice: {nl: Geef bevindingen., en: Give findings.}
        cues:
          - kind: phrase
            patterns: {nl: ['wij vonden'], en: ['we found']}
        examples:
          - {lang: nl, expect: met, text: '[[Wij vonden twee fouten.]]'}
          - {lang: nl, expect: not_met, text: 'Niets te melden.'}
          - {lang: en, expect: met, text: '[[We found two errors.]]'}
          - {lang: en, expect: not_met, text: 'Nothing to report.'}
    """

  /// The valid criterion with a field of every kind of scalar (and `extra` fields), and `cue`
  /// fields on its cue.
  static func criterionWithScalars(extra: [String] = [], cue: [String] = ["weight: 2"]) -> String {
    let fields =
      [
        "title: Findings", "required: yes", "gate: False", "extract_name: ~", "count_items: true",
        "threshold: 0.75", "vocabulary: 'true'",
      ] + extra
    return validCriterion.replacingOccurrences(
      of: "    title: Findings\n", with: fields.map { "    \($0)\n" }.joined()
    ).replacingOccurrences(
      of: "- kind: phrase\n", with: "- kind: phrase\n" + cue.map { "        \($0)\n" }.joined())
  }

  @Test func aValidRubricLoadsAndItsExamplesPass() throws {
    let rubric = try RubricLoader.load(yaml: Self.yaml(), path: "tiny.yaml")
    #expect(rubric.criteria.map(\.id) == ["findings"])
    #expect(RubricExamples.run(rubric).failures.isEmpty)
  }

  /// The rubric's scalars are resolved with fewer tags than YAML's default set; booleans,
  /// numbers, null and quoted text read as they did with all of them.
  @Test func scalarsReadAsWithTheDefaultTags() throws {
    let criterion = Self.criterionWithScalars()
    let yaml = Self.yaml(criterion: criterion)
    let (spec, _) = try RubricLoader.decode(yaml: yaml, path: "tiny.yaml")
    let (reference, _) = try RubricLoader.decode(
      yaml: yaml, path: "tiny.yaml", resolver: .default)
    #expect(spec == reference)
    let read = try #require(spec.criteria.first)
    #expect(read.required == true)
    #expect(read.gate == false)
    #expect(read.extractName == nil)
    #expect(read.countItems == true)
    #expect(read.threshold == 0.75)
    #expect(read.vocabulary == "true")
    #expect(read.cues?.first?.weight == 2)
    // A quoted word is text, not a boolean, with either set of tags.
    let quoted = criterion.replacingOccurrences(of: "required: yes", with: "required: 'yes'")
    #expect(throws: RubricError.self) {
      try RubricLoader.decode(yaml: Self.yaml(criterion: quoted), path: "tiny.yaml")
    }
  }

  /// The direct reading of a rubric's nodes (`RubricSpecReader`) gives the spec that
  /// `YAMLDecoder` gives: for every rubric of the repository, and for a rubric with booleans,
  /// null, numbers, quoted words and a field it does not know, read with either set of tags.
  @Test func theDirectReadingIsTheDecodersReading() throws {
    var texts = try RepositoryRubrics.paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
    texts.append(
      Self.yaml(
        criterion: Self.criterionWithScalars(
          extra: ["unknown_field: [1, 2]", "exclude: null"], cue: ["weight: 2", "place: front"])))
    #expect(texts.count >= 3)
    for text in texts {
      for resolver in [RubricLoader.resolver, .default] {
        let node = try #require(try Yams.compose(yaml: text, resolver))
        let direct = try #require(RubricSpecReader.spec(node))
        #expect(direct == (try YAMLDecoder().decode(RubricSpec.self, from: node)))
      }
    }
  }

  /// What the direct reading does not take (a missing or mistyped field, an unknown kind, a
  /// merge key) goes to `YAMLDecoder`: it reads what it can, and reports the rest.
  @Test func theDirectReadingGivesUpWhereTheDecoderDecides() throws {
    let cases = [
      Self.validCriterion.replacingOccurrences(of: "    title: Findings\n", with: ""),
      Self.validCriterion.replacingOccurrences(
        of: "    title: Findings\n", with: "    title: Findings\n    threshold: high\n"),
      Self.validCriterion.replacingOccurrences(of: "kind: phrase", with: "kind: sentence"),
      Self.validCriterion.replacingOccurrences(of: "title: Findings", with: "title: [Findings]"),
    ]
    for criterion in cases {
      let node = try #require(try Yams.compose(yaml: Self.yaml(criterion: criterion)))
      #expect(RubricSpecReader.spec(node) == nil, "\(criterion)")
      #expect(throws: RubricError.self) {
        try RubricLoader.decode(yaml: Self.yaml(criterion: criterion), path: "tiny.yaml")
      }
    }
    // A merge key is YAML the decoder reads: the rubric loads through it.
    let merged = """
      version: 1
      id: tiny
      title: Tiny
      description: A tiny rubric.
      base: &base {title: Findings, description: The report has findings.}
      criteria:
        - <<: *base
          id: findings
          advice: {nl: Geef bevindingen., en: Give findings.}
          examples: []
      """
    let node = try #require(try Yams.compose(yaml: merged, RubricLoader.resolver))
    #expect(RubricSpecReader.spec(node) == nil)
    let (spec, _) = try RubricLoader.decode(yaml: merged, path: "merged.yaml")
    #expect(spec.criteria.first?.title == "Findings")
  }

  @Test func brokenYAMLNamesTheLine() {
    #expect(throws: RubricError.self) {
      try RubricLoader.load(yaml: "version: 1\nid: [unclosed\n", path: "bad.yaml")
    }
    do {
      _ = try RubricLoader.load(yaml: "version: 1\nid: x\ntitle: [a\n", path: "bad.yaml")
      Issue.record("no error")
    } catch {
      guard case .invalidYAML(let path, let line, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(path == "bad.yaml")
      #expect(line >= 3)
    }
  }

  @Test func aMissingFieldNamesFileLineAndCriterion() {
    let broken = Self.validCriterion.replacingOccurrences(of: "    title: Findings\n", with: "")
    do {
      _ = try RubricLoader.load(yaml: Self.yaml(criterion: broken), path: "r.yaml")
      Issue.record("no error")
    } catch {
      guard case .invalidField(let path, let line, let criterion, let problem) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(path == "r.yaml")
      #expect(line == 6)
      #expect(criterion == "findings")
      #expect(problem.contains("title"))
    }
  }

  @Test func aPatternThatDoesNotCompileNamesItsLine() {
    let broken = Self.validCriterion.replacingOccurrences(of: "['we found']", with: "['we (found']")
    do {
      _ = try RubricLoader.load(yaml: Self.yaml(criterion: broken), path: "r.yaml")
      Issue.record("no error")
    } catch {
      guard case .invalidPattern(_, let line, let criterion, let pattern, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(line == 12)
      #expect(criterion == "findings")
      #expect(pattern == "we (found")
      #expect(error.description.hasPrefix("r.yaml:12: criterion 'findings'"))
    }
  }

  @Test(arguments: [
    ("id: findings", "id: Findings", "snake_case"),
    (
      "{lang: en, expect: not_met, text: 'Nothing to report.'}",
      "{lang: nl, expect: not_met, text: 'Niets.'}", "'not_met' example in 'en'"
    ),
    ("description: The report has findings.", "description: the report has findings", "sentence"),
    (
      "{nl: ['wij vonden'], en: ['we found']}", "{de: ['wir fanden'], en: ['we found']}",
      "unknown language"
    ),
    ("text: '[[We found two errors.]]'", "text: 'We found two errors.'", "[[...]]"),
  ])
  func badCriteriaAreRejectedWithTheReason(find: String, replace: String, reason: String) {
    let broken = Self.validCriterion.replacingOccurrences(of: find, with: replace)
    #expect(broken != Self.validCriterion)
    do {
      _ = try RubricLoader.load(yaml: Self.yaml(criterion: broken), path: "r.yaml")
      Issue.record("no error for \(replace)")
    } catch {
      #expect(error.description.contains(reason), "\(error)")
    }
  }

  @Test func aDuplicateIdIsRejected() {
    let twice = Self.validCriterion + "\n" + Self.validCriterion
    #expect {
      try RubricLoader.load(yaml: Self.yaml(criterion: twice), path: "r.yaml")
    } throws: { error in
      (error as? RubricError)?.description.contains("used twice") == true
    }
  }

  @Test func anotherVersionIsRejected() {
    #expect(throws: RubricError.unsupportedVersion(path: "r.yaml", version: 2)) {
      try RubricLoader.load(yaml: Self.yaml(version: 2), path: "r.yaml")
    }
  }

  @Test func anUnknownRubricListsWhereItWasSought() {
    let library = RubricLibrary(folders: ["/nonexistent"])
    #expect(throws: RubricError.notFound(name: "nope", searched: ["/nonexistent"])) {
      try library.load("nope")
    }
  }
}
