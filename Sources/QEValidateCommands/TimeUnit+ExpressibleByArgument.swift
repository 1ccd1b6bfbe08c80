import ArgumentParser
import QEResults

extension TimeUnit: ExpressibleByArgument {}
