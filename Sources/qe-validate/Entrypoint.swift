import QEValidateCommands

@main
struct Entrypoint {
    static func main() async {
        await QEValidate.main()
    }
}
