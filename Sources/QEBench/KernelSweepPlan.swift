import QEKernels
import QEResults

/// The built-in kernels over a grid of shapes: `--workload custom` with seqLen and dim given as
/// parameters, or a catalogue workload with its own shape where a parameter is not given.
public struct KernelSweepPlan: Sendable {
    /// The workload's name: `custom` or a catalogue name; the points are named after it.
    public var workload: String
    public var grid: ParameterGrid
    /// One shape per point of the grid, in the grid's order.
    public let shapes: [KernelShape]
    /// Each point's parameters as recorded: seqLen and dim, always both.
    public let parameters: [[String: ParameterValue]]

    /// - Throws: `SweepPlanError` for a parameter other than seqLen and dim, a value that is not
    ///   a positive whole number, or (for `custom`) a missing one; `HarnessError` for a workload
    ///   the suite does not have.
    public init(workload: String, suite: String, grid: ParameterGrid) throws {
        var defaults: (seqLen: Int?, dim: Int?) = (nil, nil)
        if workload != "custom" {
            let resolved = try KernelWorker.resolve(workloads: [workload], suite: suite)
            defaults = (resolved.first?.seqLen, resolved.first?.dim)
        }
        for parameter in grid.parameters where !["seqLen", "dim"].contains(parameter.name) {
            throw SweepPlanError.unknownKernelParameter(parameter.name)
        }
        for name in ["seqLen", "dim"] where !grid.parameters.contains(where: { $0.name == name }) {
            if (name == "seqLen" ? defaults.seqLen : defaults.dim) == nil { throw SweepPlanError.missingShapeParameter(name) }
        }
        var shapes: [KernelShape] = []
        var parameters: [[String: ParameterValue]] = []
        for point in grid.points {
            let seqLen = try Self.size("seqLen", point["seqLen"]) ?? defaults.seqLen ?? 0
            let dim = try Self.size("dim", point["dim"]) ?? defaults.dim ?? 0
            shapes.append(KernelShape(name: grid.name(base: workload, point: point), seqLen: seqLen, dim: dim))
            parameters.append(["seqLen": .number(Double(seqLen)), "dim": .number(Double(dim))])
        }
        self.workload = workload
        self.grid = grid
        self.shapes = shapes
        self.parameters = parameters
    }

    private static func size(_ name: String, _ value: ParameterValue?) throws(SweepPlanError) -> Int? {
        guard let value else { return nil }
        guard let number = value.numberValue, number >= 1, number == number.rounded(), number <= Double(Int32.max) else {
            throw .invalidShapeValue(parameter: name, value: value.description)
        }
        return Int(number)
    }

    /// Bytes a worker holds at `shape` for `variants`: the inputs once, and each variant's
    /// working set besides them (its output and its own buffers), all alive together.
    public static func memoryNeeded(shape: KernelShape, variants: [KernelVariant], isa: KernelISA = .preferred) -> Int {
        let inputs = 3 * shape.seqLen * shape.dim * MemoryLayout<Float>.stride
        return inputs + variants.reduce(0) {
            $0 + $1.workingSetBytes(seqLen: shape.seqLen, dim: shape.dim, isa: isa) - inputs
        }
    }

    /// Refuses the plan when a point needs more memory than `machine` has available (or has at
    /// all), before anything is measured.
    /// - Throws: `SweepPlanError.notEnoughMemory` naming the largest such point.
    public func checkMemory(variants: [KernelVariant], machine: MachineMemory, isa: KernelISA = .preferred) throws(SweepPlanError) {
        let limit = min(machine.availableBytes, machine.totalBytes)
        let needs = shapes.map { (shape: $0, bytes: Self.memoryNeeded(shape: $0, variants: variants, isa: isa)) }
        guard let largest = needs.max(by: { $0.bytes < $1.bytes }), largest.bytes > limit else { return }
        throw .notEnoughMemory(
            point: largest.shape.name, neededBytes: largest.bytes, availableBytes: machine.availableBytes,
            totalBytes: machine.totalBytes)
    }
}
