import Foundation

/// What metaeval reads of a REFI-QDA project (`project.qde`) or codebook (`.qdc`): the users,
/// the codes as a tree, and per source who applied which code.
public struct QDAProject: Sendable, Equatable {
  public struct User: Sendable, Equatable {
    public var guid: String
    public var name: String
  }

  public struct Code: Sendable, Equatable {
    public var guid: String
    public var name: String
    /// The index in `codes` of the code this one is nested in.
    public var parent: Int?
  }

  /// A code applied in a source, to a selection or to the whole source.
  public struct Coding: Sendable, Equatable, Hashable {
    public var codeGUID: String
    /// The coding's `creatingUser`, else its selection's, else nil.
    public var userGUID: String?
  }

  public struct Source: Sendable, Equatable {
    public var guid: String
    public var name: String
    public var codings: [Coding]
  }

  public var users: [User] = []
  /// Every code, parents before their children; GUIDs normalised (`StableGUID.normalized`).
  public var codes: [Code] = []
  public var sources: [Source] = []
  /// The project's `creatingUserGUID`.
  public var creatingUserGUID: String?

  public init(
    users: [User] = [], codes: [Code] = [], sources: [Source] = [], creatingUserGUID: String? = nil
  ) {
    self.users = users
    self.codes = codes
    self.sources = sources
    self.creatingUserGUID = creatingUserGUID
  }
}
