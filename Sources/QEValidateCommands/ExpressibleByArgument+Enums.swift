import ArgumentParser
import QEPresentation
import QEResults
import QEStatistics
import QEValidation

// The enums read from the command line, by their raw values (the words the help lists and the
// JSON writes).

extension BisectSetup.Clock: ExpressibleByArgument {}
extension ComparisonMethod: ExpressibleByArgument {}
extension GateInconclusivePolicy: ExpressibleByArgument {}
extension GateMethod: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension RunStatistic: ExpressibleByArgument {}
extension TimeUnit: ExpressibleByArgument {}
