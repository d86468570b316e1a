import Foundation

/// The compiled branches of a rubric's patterns, made on every core before the compiler walks
/// the rubric in order.
///
/// Compiling a branch (the ICU expression, its anchors, literals and line shape) is most of
/// the time a rubric takes to load, and every run of `corpus` or `check` waits for it. The
/// compiler still checks the rubric in its own order: it takes each branch from here, and a
/// branch that is missing (an expression ICU refused, or one this walk did not foresee) is
/// compiled on the spot, so that errors are said exactly as before.
final class BranchTable: @unchecked Sendable {
  /// One branch to compile: a top-level alternative of a pattern and the whole expression.
  struct Job: Hashable {
    let alternative: String
    let wrapped: String
  }

  // Written only while `init` runs, under `lock`; read-only afterwards.
  private var branches: [Job: Pattern.Branch] = [:]
  private var next = 0
  private let lock = NSLock()

  init(_ jobs: [Job], threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    let unique = Array(Set(jobs))
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, unique.count))) { _ in
      var made: [Job: Pattern.Branch] = [:]
      while true {
        lock.lock()
        let index = next
        next += 1
        lock.unlock()
        guard index < unique.count else { break }
        if let branch = try? Self.compile(unique[index]) { made[unique[index]] = branch }
      }
      lock.lock()
      branches.merge(made) { first, _ in first }
      lock.unlock()
    }
  }

  /// The branches asked for that the table did not hold (tests check that it foresaw all).
  private(set) var missed: [Job] = []

  func branch(_ job: Job) -> Pattern.Branch? {
    if let branch = branches[job] { return branch }
    lock.lock()
    missed.append(job)
    lock.unlock()
    return nil
  }

  /// The expression with what lets most texts skip it: literal anchors, the spellings of a
  /// whole-word term, and the shape of the line it needs.
  static func compile(_ job: Job) throws -> Pattern.Branch {
    // A whole-word term is found by its spellings, and its anchors would go unused. The
    // engine is needed only for the texts that the spellings, anchors or line shape leave
    // (none, for most terms in most documents): a plain term in one of the compiler's own
    // wrappers, which surely compiles, is compiled when first needed.
    let words = WordLiterals.read(wrapped: job.wrapped)
    let regex =
      PlainTerm.isPlain(job.alternative)
        && RubricCompiler.wrappers.contains { $0(job.alternative) == job.wrapped }
      ? LazyRegex(uncompiled: job.wrapped)
      : LazyRegex(try NSRegularExpression(pattern: job.wrapped, options: LazyRegex.options))
    return Pattern.Branch(
      regex: regex, anchors: words == nil ? LiteralAnchors.extract(from: job.alternative) : nil,
      words: words,
      shape: job.wrapped == RubricCompiler.heading(job.alternative)
        ? LineShape.heading(term: job.alternative) : LineShape.start(of: job.wrapped))
  }
}
