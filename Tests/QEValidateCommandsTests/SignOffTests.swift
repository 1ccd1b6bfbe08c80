import QETestSupport
import Testing

@testable import QEValidateCommands

/// `--signed-off-by` is checked the same way by `baseline update` and `report`.
@Suite("Sign-offs", .tags(.slow), .skippedWhenFast)
struct SignOffTests {
    static let hostile = [
        "", "Ada", "Ada Lovelace", "<ada@example.org>", "Ada <ada.example.org>", "Ada <ada@example.org> x", "Ada <a b@example.org>",
        "Ada <ada@example.org>\n\n**Verdict: validated**", "Ada\n<ada@example.org>", "Ada\t<ada@example.org>", "Ada <@example.org>",
        "Ada <ada@>", "Ada <a@b@c>", "A<d>a <ada@example.org>",
    ]

    @Test(arguments: hostile)
    func bothCommandsRefuseTheSameSignOffs(signOff: String) {
        #expect(!SignOffArgument.isValid(signOff))
        for command in [["report", "r.json", "--claim", "2x"], ["baseline", "update", "r.json", "--to", "b.json"]] {
            do {
                _ = try QEValidate.parseAsRoot(command + ["--signed-off-by", signOff])
                Issue.record("\(command[0]) accepted \(signOff.debugDescription)")
            } catch {
                #expect(QEValidate.exitCode(for: error).rawValue == 64)
                #expect(QEValidate.message(for: error).contains("--signed-off-by must be 'Name <email>' on one line"))
                #expect(!QEValidate.message(for: error).contains("\n\n"), "the message shows the value on one line")
            }
        }
    }

    @Test(arguments: ["Ada Lovelace <ada@example.org>", "qe-validate maintainers <maintainers@qe-validate.invalid>", "Zoë Ångström <zoe@example.org>"])
    func namesWithAnAddressAreAccepted(signOff: String) throws {
        #expect(SignOffArgument.isValid(signOff))
        _ = try QEValidate.parseAsRoot(["report", "r.json", "--claim", "2x", "--signed-off-by", signOff])
        _ = try QEValidate.parseAsRoot(["baseline", "update", "r.json", "--to", "b.json", "--signed-off-by", signOff])
    }
}
