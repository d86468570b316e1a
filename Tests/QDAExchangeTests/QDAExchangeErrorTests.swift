import Testing
import QDAExchange

@Test func exchangeErrorsNameTheFile() {
  #expect(QDAExchangeError.notAProject(path: "x.qdpx", reason: "no project.qde").description == "x.qdpx: not a REFI-QDA project (no project.qde)")
}
