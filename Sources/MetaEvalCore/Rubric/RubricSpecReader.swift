import Foundation
import Yams

/// Reads a rubric's YAML nodes straight into its spec, as `YAMLDecoder` would, for the common
/// case of a well-formed file: about a fifth of the instructions of the `Codable` reading
/// (which looks up a conformance and builds a container for every value). It gives up (nil)
/// at the first thing it does not expect: a missing or mistyped field, an anchor, a tag or a
/// merge key. The loader then decodes with `YAMLDecoder`, which reports the problem with its
/// place. Tests hold the two readings to the same spec on every rubric in the repository.
enum RubricSpecReader {
  static func spec(_ node: Node) -> RubricSpec? {
    guard let fields = Fields<RubricSpec.CodingKeys>(node) else { return nil }
    guard let version = fields.int(.version), let id = fields.string(.id),
      let title = fields.string(.title), let description = fields.string(.description),
      let extends = fields.optional(.extends, string),
      let judgementTerms = fields.optional(.judgementTerms, Self.patterns),
      let sectionHeadings = fields.optional(.sectionHeadings, Self.patterns),
      let vocabularies = fields.optional(.vocabularies, { list($0, vocabulary) }),
      let criteria = fields.required(.criteria, { list($0, criterion) })
    else { return nil }
    return RubricSpec(
      version: version, id: id, title: title, description: description, extends: extends,
      judgementTerms: judgementTerms, sectionHeadings: sectionHeadings, vocabularies: vocabularies,
      criteria: criteria)
  }

  /// The values of a plain mapping by key (the parser rejects a repeated key); nil for any
  /// other node, and for a mapping with an anchor, a tag or a key that is not plain text.
  static func plainMapping(_ node: Node) -> [String: Node]? {
    guard case .mapping(let mapping) = node, isTagged(node, .map), mapping.anchor == nil else {
      return nil
    }
    var values: [String: Node] = [:]
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key, isTagged(key, .str), scalar.anchor == nil else {
        return nil
      }
      values[scalar.string] = value
    }
    return values
  }

  /// The fields of a spec, named by its `CodingKeys`: the names `YAMLDecoder` reads.
  struct Fields<Key: CodingKey> {
    let values: [String: Node]

    init?(_ node: Node) {
      guard let values = plainMapping(node) else { return nil }
      self.values = values
    }

    func required<T>(_ key: Key, _ read: (Node) -> T?) -> T? {
      values[key.stringValue].flatMap(read)
    }

    /// nil when the field is there and cannot be read; `.some(nil)` when it is missing or null.
    func optional<T>(_ key: Key, _ read: (Node) -> T?) -> T?? {
      guard let node = values[key.stringValue] else { return .some(nil) }
      if node.null != nil { return .some(nil) }
      guard let value = read(node) else { return nil }
      return .some(value)
    }

    func string(_ key: Key) -> String? { required(key, RubricSpecReader.string) }
    func int(_ key: Key) -> Int? { required(key, RubricSpecReader.int) }
  }

  /// Whether the node's tag, resolved, is the one named.
  static func isTagged(_ node: Node, _ name: Tag.Name) -> Bool {
    node.tag.rawValue == name.rawValue
  }

  static func scalar(_ node: Node) -> Node.Scalar? {
    guard case .scalar(let scalar) = node, scalar.anchor == nil else { return nil }
    return scalar
  }

  static func string(_ node: Node) -> String? { scalar(node).flatMap(String.construct) }
  static func int(_ node: Node) -> Int? { scalar(node).flatMap(Int.construct) }
  static func double(_ node: Node) -> Double? { scalar(node).flatMap(Double.construct) }
  static func bool(_ node: Node) -> Bool? { scalar(node).flatMap(Bool.construct) }

  static func raw<T: RawRepresentable>(_ node: Node) -> T? where T.RawValue == String {
    string(node).flatMap(T.init(rawValue:))
  }

  static func list<T>(_ node: Node, _ read: (Node) -> T?) -> [T]? {
    guard case .sequence(let sequence) = node, isTagged(node, .seq), sequence.anchor == nil else {
      return nil
    }
    var result: [T] = []
    result.reserveCapacity(sequence.count)
    for element in sequence {
      guard let value = read(element) else { return nil }
      result.append(value)
    }
    return result
  }

  static func map<T>(_ node: Node, _ read: (Node) -> T?) -> [String: T]? {
    guard let values = plainMapping(node) else { return nil }
    var result: [String: T] = [:]
    for (key, value) in values {
      guard let read = read(value) else { return nil }
      result[key] = read
    }
    return result
  }

  /// Patterns per language: lists of strings by language name.
  static func patterns(_ node: Node) -> [String: [String]]? {
    map(node) { list($0, string) }
  }

  static func vocabulary(_ node: Node) -> VocabularySpec? {
    guard let fields = Fields<VocabularySpec.CodingKeys>(node), let id = fields.string(.id),
      let terms = fields.required(.terms, { list($0, term) })
    else { return nil }
    return VocabularySpec(id: id, terms: terms)
  }

  static func term(_ node: Node) -> TermSpec? {
    guard let fields = Fields<TermSpec.CodingKeys>(node), let id = fields.string(.id),
      let title = fields.string(.title), let patterns = fields.required(.patterns, Self.patterns)
    else { return nil }
    return TermSpec(id: id, title: title, patterns: patterns)
  }

  static func criterion(_ node: Node) -> CriterionSpec? {
    guard let fields = Fields<CriterionSpec.CodingKeys>(node), let id = fields.string(.id),
      let title = fields.string(.title), let description = fields.string(.description),
      let required = fields.optional(.required, bool), let gate = fields.optional(.gate, bool),
      let advice = fields.required(.advice, { map($0, string) }),
      let cues = fields.optional(.cues, { list($0, cue) }),
      let extractName = fields.optional(.extractName, bool),
      let countItems = fields.optional(.countItems, bool),
      let vocabulary = fields.optional(.vocabulary, string),
      let dimensions = fields.optional(.dimensions, { list($0, dimension) }),
      let exclude = fields.optional(.exclude, Self.patterns),
      let threshold = fields.optional(.threshold, double),
      let examples = fields.required(.examples, { list($0, example) })
    else { return nil }
    return CriterionSpec(
      id: id, title: title, description: description, required: required, gate: gate,
      advice: advice, cues: cues, extractName: extractName, countItems: countItems,
      vocabulary: vocabulary, dimensions: dimensions, exclude: exclude, threshold: threshold,
      examples: examples)
  }

  static func cue(_ node: Node) -> CueSpec? {
    guard let fields = Fields<CueSpec.CodingKeys>(node),
      let kind: CueSpec.Kind = fields.required(.kind, raw),
      let weight = fields.optional(.weight, double),
      let place = fields.optional(.place, { raw($0) as CueSpec.Place? }),
      let patterns = fields.required(.patterns, Self.patterns),
      let minimumWords = fields.optional(.minimumWords, int),
      let requiresTerm = fields.optional(.requiresTerm, bool),
      let context = fields.optional(.context, Self.patterns),
      let unless = fields.optional(.unless, Self.patterns)
    else { return nil }
    return CueSpec(
      kind: kind, weight: weight, place: place, patterns: patterns, minimumWords: minimumWords,
      requiresTerm: requiresTerm, context: context, unless: unless)
  }

  static func dimension(_ node: Node) -> DimensionSpec? {
    guard let fields = Fields<DimensionSpec.CodingKeys>(node), let id = fields.string(.id),
      let title = fields.string(.title), let description = fields.string(.description),
      let terms = fields.required(.terms, Self.patterns),
      let minimumSentences = fields.optional(.minimumSentences, int),
      let perThousandWords = fields.optional(.perThousandWords, double)
    else { return nil }
    return DimensionSpec(
      id: id, title: title, description: description, terms: terms,
      minimumSentences: minimumSentences, perThousandWords: perThousandWords)
  }

  static func example(_ node: Node) -> ExampleSpec? {
    guard let fields = Fields<ExampleSpec.CodingKeys>(node),
      let lang: Language = fields.required(.lang, raw),
      let expect: ExampleSpec.Expectation = fields.required(.expect, raw),
      let text = fields.string(.text),
      let dimensions = fields.optional(.dimensions, { list($0, string) }),
      let name = fields.optional(.name, string),
      let terms = fields.optional(.terms, { list($0, string) }),
      let count = fields.optional(.count, int)
    else { return nil }
    return ExampleSpec(
      lang: lang, expect: expect, text: text, dimensions: dimensions, name: name, terms: terms,
      count: count)
  }
}
