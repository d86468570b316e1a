import Foundation
import MetaEvalCore

/// What a code of the codebook stands for in the rubric.
public enum CodeTarget: Hashable, Sendable {
  case criterion(String)
  case dimension(criterion: String, dimension: String)
  case term(criterion: String, term: String)

  public var criterion: String {
    switch self {
    case .criterion(let id), .dimension(let id, _), .term(let id, _): id
    }
  }
}

/// One code: a criterion, or a dimension or term under its criterion.
public struct QDACode: Sendable, Equatable {
  public var guid: String
  public var name: String
  public var description: String
  /// `#RRGGBB`, or nil.
  public var color: String?
  public var target: CodeTarget
  public var children: [QDACode]

  public init(
    guid: String, name: String, description: String, color: String? = nil, target: CodeTarget,
    children: [QDACode] = []
  ) {
    self.guid = guid
    self.name = name
    self.description = description
    self.color = color
    self.target = target
    self.children = children
  }
}

/// A rubric as a REFI-QDA codebook: one code per criterion, its scope dimensions and its
/// vocabulary's terms (the techniques) as child codes.
///
/// GUIDs come from the rubric's id and the criterion, dimension and term ids, not from the
/// rubric's version or titles, so `export qdc` and `export qdpx` give the same GUIDs, and a
/// retitled criterion keeps its code.
public struct QDACodebook: Sendable, Equatable {
  public var rubricID: String
  public var codes: [QDACode]

  public init(rubricID: String, codes: [QDACode]) {
    self.rubricID = rubricID
    self.codes = codes
  }

  /// A colour per criterion, so that a QDA tool shows them apart; children take their parent's.
  static let palette = [
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
    "#BCBD22",
    "#17BECF",
  ]

  public init(rubric: Rubric) {
    rubricID = rubric.id
    let vocabularies = Dictionary(
      (rubric.spec.vocabularies ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    codes = rubric.criteria.enumerated().map { index, criterion in
      let color = Self.palette[index % Self.palette.count]
      var children: [QDACode] = []
      for dimension in criterion.spec.dimensions ?? [] {
        children.append(
          QDACode(
            guid: Self.guid(
              rubric: rubric.id, .dimension(criterion: criterion.id, dimension: dimension.id)),
            name: dimension.title,
            description: "\(dimension.description) (metaeval: \(criterion.id)_\(dimension.id))",
            color: color, target: .dimension(criterion: criterion.id, dimension: dimension.id)))
      }
      if let vocabularyID = criterion.spec.vocabulary {
        let terms =
          vocabularies[vocabularyID]?.terms.map { ($0.id, $0.title) }
          ?? criterion.vocabulary.map { ($0.id, $0.title) }
        for (id, title) in terms {
          children.append(
            QDACode(
              guid: Self.guid(rubric: rubric.id, .term(criterion: criterion.id, term: id)),
              name: title,
              description:
                "A technique of the method (metaeval: \(criterion.id)_\(vocabularyID) \(id))",
              color: color, target: .term(criterion: criterion.id, term: id)))
        }
      }
      return QDACode(
        guid: Self.guid(rubric: rubric.id, .criterion(criterion.id)), name: criterion.spec.title,
        description: "\(criterion.spec.description) (metaeval: \(criterion.id))", color: color,
        target: .criterion(criterion.id), children: children)
    }
  }

  /// The GUID of a code, from the rubric id and the ids of what it stands for.
  public static func guid(rubric: String, _ target: CodeTarget) -> String {
    switch target {
    case .criterion(let criterion): StableGUID.make(["code", rubric, criterion])
    case .dimension(let criterion, let dimension):
      StableGUID.make(["code", rubric, criterion, "dimension", dimension])
    case .term(let criterion, let term): StableGUID.make(["code", rubric, criterion, "term", term])
    }
  }

  /// Every code, depth first.
  public var allCodes: [QDACode] {
    var result: [QDACode] = []
    func visit(_ code: QDACode) {
      result.append(code)
      code.children.forEach(visit)
    }
    codes.forEach(visit)
    return result
  }

  /// The GUID of the code for a target.
  public func guid(for target: CodeTarget) -> String? {
    allCodes.first { $0.target == target }?.guid
  }

  /// The codebook as a `.qdc` file (REFI-QDA Codebook.xsd, namespace `urn:QDA-XML:codebook:1.0`).
  public func codebookXML(origin: String) -> String {
    var writer = XMLWriter()
    writer.open("CodeBook", ["xmlns": "urn:QDA-XML:codebook:1.0", "origin": origin])
    write(into: &writer)
    writer.close()
    return writer.finish()
  }

  /// Writes the codebook as a `.qdc` file to `path` (replacing it atomically).
  public func write(to path: String, origin: String) throws(QDAExchangeError) {
    try Self.write(Data(codebookXML(origin: origin).utf8), to: path)
  }

  /// Writes a file atomically, or says why it could not.
  static func write(_ data: Data, to path: String) throws(QDAExchangeError) {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotWrite(
        path: path,
        reason: (error as NSError).localizedFailureReason ?? "permission denied or no such folder")
    }
  }

  /// `<Codes>` with every code, as both schemas have it.
  func write(into writer: inout XMLWriter) {
    writer.open("Codes")
    for code in codes { Self.write(code, into: &writer) }
    writer.close()
  }

  static func write(_ code: QDACode, into writer: inout XMLWriter) {
    writer.open(
      "Code", ["guid": code.guid, "name": code.name, "isCodable": "true", "color": code.color])
    if !code.description.isEmpty { writer.element("Description", text: code.description) }
    for child in code.children { write(child, into: &writer) }
    writer.close()
  }
}
