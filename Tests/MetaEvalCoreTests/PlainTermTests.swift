import Foundation
import Testing

@testable import MetaEvalCore

@Suite struct PlainTermTests {
  @Test(arguments: [
    "costs?", "(un)?reliable", "decision[- ]making", "effective\\w*", "case stud(y|ies)",
    "iso[ -]?27001", "literature( review| study)?", "(?:a|b)c", "ë", "post\\-implementation", "[-]",
    "a|",
  ])
  func plainTermsArePlain(term: String) {
    #expect(PlainTerm.isPlain(term))
  }

  @Test(arguments: [
    "ab(c", "a)b", "[ab", "a{2}", "a*", "a+", "\\bword", "\\d", "\\1", "a.b", "(?<name>x)",
    "(?i)x", "(?=x)", "?a", "a??", "[a-z]", "[^a]", "[]", "^a", "a$", "\\w*x", "", "[--]",
    "a\u{0}b", "a\tb",
  ])
  func anythingElseIsNot(term: String) {
    #expect(!PlainTerm.isPlain(term))
  }

  /// Whatever the reading takes as plain, ICU compiles, in each of the compiler's wrappers:
  /// checked on every string of up to four characters drawn from letters and the pattern
  /// syntax, and on longer ones made by a fixed recipe.
  @Test func whatIsPlainCompiles() throws {
    let alphabet = ["a", "é", "(", ")", "?", ":", "|", "[", "]", "-", " ", "\\", "w", "*"]
    var terms: [String] = [""]
    var frontier: [String] = [""]
    for _ in 1...4 {
      frontier = frontier.flatMap { head in alphabet.map { head + $0 } }
      terms += frontier
    }
    var state: UInt64 = 7
    let more = [
      "a", "é", "(", ")", "?", ":", "|", "[", "]", "-", " ", "\\", ".", "w", "*", "{", "0", "^",
      "+", "$", "}", "#", "<", ">", "=",
    ]
    for _ in 0..<20_000 {
      var term = ""
      for _ in 0..<12 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        term += more[Int(state >> 33) % more.count]
      }
      terms.append(term)
    }
    var plain = 0
    for term in terms where PlainTerm.isPlain(term) {
      plain += 1
      for pattern in RubricCompiler.wrappers.map({ $0(term) }) {
        #expect(
          (try? NSRegularExpression(pattern: pattern, options: LazyRegex.options)) != nil,
          "\(pattern.debugDescription)")
      }
    }
    #expect(plain > 1_000)
  }

  /// Loading a rubric leaves most whole-word terms to compile when first used; a mistake in
  /// a term is still reported at loading.
  @Test func wholeWordTermsCompileWhenFirstUsed() throws {
    let rubric = try RepositoryRubrics.load("bronsgeest")
    let branches = rubric.criteria.flatMap { criterion in
      criterion.vocabulary.flatMap { $0.patterns.values.flatMap { $0.flatMap(\.branches) } }
    }
    let waiting = branches.filter { !$0.lazyRegex.isCompiled }
    #expect(waiting.count * 2 > branches.count)
    let branch = try #require(waiting.first)
    #expect(branch.regex.pattern == branch.lazyRegex.pattern)
    #expect(branch.lazyRegex.isCompiled)
  }
}
