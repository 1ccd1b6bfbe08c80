/// A value that a model of another tool's file refuses (a time that is not positive, a
/// benchmark without values), with the kind of problem; ``ForeignJSONDecoder`` turns it into a
/// ``ResultsError`` at the value's key path.
struct ForeignDataError: Error {
    var problem: ResultsError.Problem
    var codingPath: [any CodingKey]
    var message: String

    init(_ problem: ResultsError.Problem, at codingPath: [any CodingKey], _ message: String) {
        self.problem = problem
        self.codingPath = codingPath
        self.message = message
    }
}
