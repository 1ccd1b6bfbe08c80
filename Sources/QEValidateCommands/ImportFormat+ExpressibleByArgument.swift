import ArgumentParser
import QEResults

extension ImportFormat: ExpressibleByArgument {}
