/// A rubric file as written: decoded from YAML, before its patterns are compiled.
///
/// Everything about the criteria lives here; the scoring engine knows no criterion by name.
public struct RubricSpec: Codable, Sendable, Equatable {
  public var version: Int
  public var id: String
  public var title: String
  public var description: String
  /// The id of a rubric (in the same folder) whose criteria, vocabularies and terms this one
  /// takes over; its own criteria are added, or replace those with the same id.
  public var extends: String?
  /// Terms that mark a sentence as a judgement (for scope dimensions), per language.
  public var judgementTerms: [String: [String]]?
  /// Headings of sections in general (Inleiding, Findings, Bijlage), per language: where one
  /// criterion's section ends and the next begins.
  public var sectionHeadings: [String: [String]]?
  /// Named term lists that criteria can report on (the techniques of a method).
  public var vocabularies: [VocabularySpec]?
  public var criteria: [CriterionSpec]

  /// This rubric on top of `base`: own criteria replace the base's with the same id or follow
  /// them; own vocabularies likewise; own judgement terms and section headings, when given,
  /// replace the base's.
  func merged(onto base: RubricSpec) -> RubricSpec {
    var result = self
    var criteria = base.criteria
    for criterion in self.criteria {
      if let index = criteria.firstIndex(where: { $0.id == criterion.id }) {
        criteria[index] = criterion
      } else {
        criteria.append(criterion)
      }
    }
    result.criteria = criteria
    var vocabularies = base.vocabularies ?? []
    for vocabulary in self.vocabularies ?? [] {
      vocabularies.removeAll { $0.id == vocabulary.id }
      vocabularies.append(vocabulary)
    }
    result.vocabularies = vocabularies
    result.judgementTerms = judgementTerms ?? base.judgementTerms
    result.sectionHeadings = sectionHeadings ?? base.sectionHeadings
    return result
  }

  enum CodingKeys: String, CodingKey {
    case version, id, title, description, vocabularies, criteria, extends
    case judgementTerms = "judgement_terms"
    case sectionHeadings = "section_headings"
  }
}

/// A named list of terms, each with its cues per language.
public struct VocabularySpec: Codable, Sendable, Equatable {
  public var id: String
  public var terms: [TermSpec]

  enum CodingKeys: String, CodingKey {
    case id, terms
  }
}

public struct TermSpec: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  /// Patterns per language (`nl`, `en`, or `any`).
  public var patterns: [String: [String]]

  enum CodingKeys: String, CodingKey {
    case id, title, patterns
  }
}

/// One criterion: what it means, what to advise when it is missing, what to look for, and
/// examples that document and test it.
public struct CriterionSpec: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var description: String
  /// Whether `check` fails (exit 1) when this criterion is not met.
  public var required: Bool?
  /// When a gate is not met the document is not of the kind the rubric is for, and every other
  /// criterion reads "no".
  public var gate: Bool?
  public var advice: [String: String]
  public var cues: [CueSpec]?
  /// Report the named capture group `name` of the best matching cue (the commissioner).
  public var extractName: Bool?
  /// Count the numbered items in the section under the best matching heading.
  public var countItems: Bool?
  /// The id of a vocabulary whose terms found in the document are reported (techniques).
  public var vocabulary: String?
  /// Sub-judgements scored by how densely the document judges each (product, process, people).
  public var dimensions: [DimensionSpec]?
  /// For dimensions: sentences that put something out of scope ("valt buiten deze evaluatie")
  /// and so judge nothing, per language.
  public var exclude: [String: [String]]?
  /// The score from which the verdict is yes (default 0.5).
  public var threshold: Double?
  public var examples: [ExampleSpec]

  enum CodingKeys: String, CodingKey {
    case id, title, description, required, gate, advice, cues, vocabulary, dimensions, threshold,
      examples, exclude
    case extractName = "extract_name"
    case countItems = "count_items"
  }
}

/// A group of patterns of one kind, with the weight a match adds to the criterion's score.
public struct CueSpec: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// A heading whose section, when it has content, meets the criterion.
    case heading
    /// A sentence that meets the criterion.
    case phrase
    /// A `Label: value` line (a colophon or client field).
    case label
    /// A sentence that says the criterion is not met ("we make no recommendations").
    case negation
    /// Template text that makes a section empty ("add recommendations here").
    case placeholder
    /// A sentence that counts against the criterion (a plan's "plan van aanpak" title).
    case counter
  }

  public enum Place: String, Codable, Sendable {
    case anywhere
    /// The first two pages (at most 150 lines): title page, colophon, summary.
    case front
    /// The first 12 lines: the title and what stands beside it.
    case title
  }

  public var kind: Kind
  public var weight: Double?
  public var place: Place?
  /// Patterns per language (`nl`, `en`, or `any` for both).
  public var patterns: [String: [String]]
  /// For heading cues: the fewest words the section must hold to count (default 8).
  public var minimumWords: Int?
  /// The matched section or sentence must also name a term of the criterion's vocabulary
  /// (a "Werkwijze" section counts for the method only when it names a technique).
  public var requiresTerm: Bool?
  /// Patterns per language of which the same sentence must also match one: "in opdracht van"
  /// counts for the commissioner only in a sentence about the report or the study.
  public var context: [String: [String]]?
  /// Patterns per language that disqualify a match: a "Werkwijze" section about Scrum and
  /// sprints describes the project's way of working, not the evaluation's method.
  public var unless: [String: [String]]?

  enum CodingKeys: String, CodingKey {
    case kind, weight, place, patterns, context, unless
    case minimumWords = "minimum_words"
    case requiresTerm = "requires_term"
  }
}

/// A scope dimension: the terms that name it, per language, and how many judged sentences it
/// takes to count.
public struct DimensionSpec: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var description: String
  public var terms: [String: [String]]
  /// Judged sentences needed for yes, at the least (default 2).
  public var minimumSentences: Int?
  /// And at least this many per 1,000 words (default 0.5), so that a long report needs more
  /// than a passing remark.
  public var perThousandWords: Double?

  enum CodingKeys: String, CodingKey {
    case id, title, description, terms
    case minimumSentences = "minimum_sentences"
    case perThousandWords = "per_thousand_words"
  }
}

/// A passage that documents and tests a criterion. In `text`, `[[...]]` marks the evidence
/// the engine must quote.
public struct ExampleSpec: Codable, Sendable, Equatable {
  public enum Expectation: String, Codable, Sendable {
    case met
    case notMet = "not_met"
  }

  public var lang: Language
  public var expect: Expectation
  public var text: String
  /// For dimension criteria: the dimensions the passage must meet (others must not).
  public var dimensions: [String]?
  /// For name-extracting criteria: the name that must be found.
  public var name: String?
  /// For vocabulary criteria: term ids that must be found.
  public var terms: [String]?
  /// For counting criteria: the count that must be found.
  public var count: Int?

  enum CodingKeys: String, CodingKey {
    case lang, expect, text, dimensions, name, terms, count
  }
}
