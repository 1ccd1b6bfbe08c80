import QEBench
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Child processes")
struct ChildProcessTests {
    @Test func cpuTimeCountsTheWorkOfProcessesTheChildWaitedFor() throws {
        // The loop runs in a grandchild that the outer shell waits for.
        let busy = ChildProcess(
            executable: "/bin/sh",
            arguments: ["-c", "sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i + 1)); done'; true"], timeout: 60)
        let outcome = try busy.run()
        #expect(outcome.ending == .exited(0))
        #expect(outcome.cpuNanoseconds > 0)

        // Sleeping takes time but almost no CPU.
        let sleeper = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 0.2"], timeout: 60).run()
        #expect(sleeper.elapsedNanoseconds >= 0.2e9)
        #expect(sleeper.cpuNanoseconds < sleeper.elapsedNanoseconds / 2)
    }

    @Test func theStartHookGetsTheProcessGroupToStop() throws {
        var child = ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 30; sleep 30"], timeout: 120)
        child.onStart = { pid in kill(-pid, SIGKILL) }
        let outcome = try child.run()
        #expect(outcome.ending == .signalled(SIGKILL))
    }
}
