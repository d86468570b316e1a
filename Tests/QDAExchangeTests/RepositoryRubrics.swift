import Foundation
import MetaEvalCore

/// The rubric files of the repository, found from this file's place.
enum RepositoryRubrics {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Rubrics").path

  static func load(_ id: String) throws -> Rubric {
    try RubricLibrary(folders: [folder]).load(id)
  }
}
